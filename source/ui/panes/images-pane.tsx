import type {AppState} from '../../state/app-state.js';
import {imageColumns} from '../format/rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {ImageRow} from './image-row.js';
import {ListPane} from './list-pane.js';

const selectTotal = (state: AppState) => state.images.byId.size;
const selectLoaded = (state: AppState) => state.images.loaded;

/** Every image, dangling ones as `<none>:<none>`. */
export function ImagesPane({
	width,
	height,
}: {
	readonly width: number;
	readonly height: number;
}) {
	const total = useAppState(selectTotal);
	const isLoaded = useAppState(selectLoaded);
	return (
		<ListPane
			pane="images"
			title="2 Images"
			columns={imageColumns}
			width={width}
			height={height}
			total={total}
			isLoaded={isLoaded}
			loadingText="loading images…"
			emptyText="no images"
			renderRow={row => <ImageRow {...row} />}
		/>
	);
}
