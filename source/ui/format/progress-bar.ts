const partials = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `width` cells wide, filled to `fraction` (0 to 1) in eighths of a cell. */
export function progressBar(fraction: number, width: number): string {
	const clamped = Number.isFinite(fraction)
		? Math.min(1, Math.max(0, fraction))
		: 0;
	const eighths = Math.round(clamped * width * 8);
	const full = Math.floor(eighths / 8);
	const partial = partials[eighths % 8] ?? '';
	const filled = '█'.repeat(full) + partial;
	return (
		filled + '░'.repeat(Math.max(0, width - full - (partial === '' ? 0 : 1)))
	);
}

/** `42%`, rounded down so that a pull shows 100% only when it is done. */
export function percent(fraction: number): string {
	return `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}
