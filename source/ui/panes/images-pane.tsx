import type {AppState} from '../../state/app-state.js';
import {imageColumns} from '../format/rows.js';
import {collectionPane} from './collection-pane.js';
import {ImageRow} from './image-row.js';

/** Every image, dangling ones as `<none>:<none>`. */
export const ImagesPane = collectionPane({
	pane: 'images',
	title: '2 Images',
	columns: imageColumns,
	Row: ImageRow,
	selectTotal: (state: AppState) => state.images.byId.size,
	selectLoaded: (state: AppState) => state.images.loaded,
	loadingText: 'loading images…',
	emptyText: 'no images',
});
