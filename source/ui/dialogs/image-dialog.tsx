import type {ImageDialog as Dialog} from '../../state/image-dialogs.js';
import {BuildDialog} from './build-dialog.js';
import {PullDialog} from './pull-dialog.js';
import {RunDialog} from './run-dialog.js';
import type {DialogProps} from '../components/dialog-frame.js';

type Props = DialogProps<Dialog>;

/** The open pull, run or build dialog. */
export function ImageDialog({dialog, width, height}: Props) {
	switch (dialog.kind) {
		case 'pull': {
			return <PullDialog dialog={dialog} width={width} height={height} />;
		}

		case 'run': {
			return <RunDialog dialog={dialog} width={width} height={height} />;
		}

		case 'build': {
			return <BuildDialog dialog={dialog} width={width} height={height} />;
		}
	}
}
