import {theme, type Highlight} from '../theme.js';
import type {Segment, Tone} from './segments.js';

function toneProps(tone: Tone): Highlight {
	if (typeof tone === 'object') {
		return {
			color: theme.logs.names[tone.source % theme.logs.names.length] ?? 'white',
		};
	}

	switch (tone) {
		case 'plain': {
			return {};
		}

		case 'heading': {
			return {color: theme.text.title, bold: true};
		}

		case 'label': {
			return {color: theme.text.accent};
		}

		case 'dim': {
			return {color: theme.text.dim};
		}

		case 'ok': {
			return {color: theme.status.ok};
		}

		case 'warning': {
			return {color: theme.pending};
		}

		case 'error': {
			return {color: theme.status.error};
		}

		case 'stderr': {
			return {color: theme.logs.stderr};
		}

		case 'match': {
			return theme.logs.match;
		}

		case 'currentMatch': {
			return theme.logs.currentMatch;
		}
	}
}

/** The colours a segment is drawn in. */
export function segmentStyle(segment: Segment) {
	return toneProps(segment.tone);
}
