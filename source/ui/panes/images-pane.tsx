import {plural} from '../../format/units.js';
import type {AppState} from '../../state/app-state.js';
import {imageRows} from '../../state/image-rows.js';
import {imageColumns, withEngineColumn} from '../format/rows.js';
import {collectionPane} from './collection-pane.js';
import {ImageRow} from './image-row.js';

/** How many images the rows are of, where that is not one a row: the header's count. */
const selectMode = (state: AppState) => {
	const images = state.images.byId.size;
	return imageRows(state.images.byId).size === images
		? ''
		: plural(images, 'image');
};

/** One row per tag of every image, as `docker image ls` lists them; dangling images as `<none>:<none>`. */
export const ImagesPane = collectionPane({
	pane: 'images',
	title: '2 Images',
	columns: imageColumns,
	fleetColumns: withEngineColumn(imageColumns, 1),
	Row: ImageRow,
	selectTotal: (state: AppState) => imageRows(state.images.byId).size,
	selectLoaded: (state: AppState) => state.images.loaded,
	selectMode,
	loadingText: 'loading images…',
	emptyText: 'no images',
});
