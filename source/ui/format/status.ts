import {plural} from '../../format/units.js';

/**
 * The engine writes a container's status with the age baked in ("Up 3 minutes", "Exited (137)
 * 2 hours ago"), computed when it answered the list. Re-listing to keep that fresh would be
 * polling, so instead the duration is read back and advanced by the time since the list, then
 * written the way the engine's `HumanDuration` writes it. The error is at most the unit the
 * engine itself rounded to.
 */
const durationPattern =
	/(Less than a second|About a minute|About an hour|(\d+) (second|minute|hour|day|week|month|year)s?)/;

const unitSeconds: Readonly<Record<string, number>> = {
	second: 1,
	minute: 60,
	hour: 3600,
	day: 86_400,
	week: 604_800,
	month: 2_592_000,
	year: 31_536_000,
};

const phraseSeconds: Readonly<Record<string, number>> = {
	'Less than a second': 0,
	'About a minute': 60,
	'About an hour': 3600,
};

function parseDuration(match: RegExpExecArray): number {
	return (
		phraseSeconds[match[1] ?? ''] ??
		Number(match[2]) * (unitSeconds[match[3] ?? ''] ?? 0)
	);
}

/** Docker's `units.HumanDuration`, for a duration in seconds. */
export function humanDuration(seconds: number): string {
	// Docker rounds to the nearest hour from here on, but counts years in whole hours.
	const hours = Math.round(seconds / 3600);
	if (seconds < 1) {
		return 'Less than a second';
	}

	if (seconds < 60) {
		return plural(Math.floor(seconds), 'second');
	}

	if (seconds < 120) {
		return 'About a minute';
	}

	if (seconds < 3600) {
		return plural(Math.floor(seconds / 60), 'minute');
	}

	if (hours === 1) {
		return 'About an hour';
	}

	if (hours < 48) {
		return plural(hours, 'hour');
	}

	if (hours < 24 * 7 * 2) {
		return plural(Math.floor(hours / 24), 'day');
	}

	if (hours < 24 * 30 * 2) {
		return plural(Math.floor(hours / 24 / 7), 'week');
	}

	if (hours < 24 * 365 * 2) {
		return plural(Math.floor(hours / 24 / 30), 'month');
	}

	return plural(Math.floor(Math.floor(seconds / 3600) / 24 / 365), 'year');
}

/** The engine's status text as it would read at `now`, given that it was listed at `listedAt`. */
export function currentStatus(
	status: string,
	listedAt: number,
	now: number,
): string {
	const match = durationPattern.exec(status);
	if (match === null || now <= listedAt) {
		return status;
	}

	const seconds = parseDuration(match) + (now - listedAt) / 1000;
	return (
		status.slice(0, match.index) +
		humanDuration(seconds) +
		status.slice(match.index + match[0].length)
	);
}
