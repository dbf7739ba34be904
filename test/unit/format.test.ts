import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {PortMapping} from '../../source/docker/docker-client.js';
import {toContainerSummary} from '../../source/docker/to-domain.js';
import {cellWidth, fit} from '../../source/ui/format/cells.js';
import {
	columnGap,
	sizeColumns,
	type ColumnSpec,
	type SizedColumn,
} from '../../source/ui/format/columns.js';
import {formatPorts} from '../../source/ui/format/ports.js';
import {
	containerCells,
	containerColumns,
	imageCells,
	imageColumns,
	stateGlyphs,
} from '../../source/ui/format/rows.js';
import {currentStatus, humanDuration} from '../../source/ui/format/status.js';
import {
	formatAge,
	formatBytes,
	shortId,
	withShortIds,
} from '../../source/format/units.js';
import {fakeContainer, fakeImage} from '../fakes/fake-docker-client.js';

const second = 1;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;
const month = 30 * day;
const year = 365 * day;

describe('formatBytes', () => {
	const cases: readonly (readonly [number, string])[] = [
		[0, '0B'],
		[1, '1B'],
		[999, '999B'],
		[1000, '1kB'],
		[1024, '1.02kB'],
		[1500, '1.5kB'],
		[9_994, '9.99kB'],
		[10_000, '10kB'],
		[99_940, '99.9kB'],
		[100_000, '100kB'],
		[999_000, '999kB'],
		// Rounds up into the next unit: that is 1MB, not "1000kB".
		[999_999, '1MB'],
		[1_000_000, '1MB'],
		[1_982_319, '1.98MB'],
		[5_580_000, '5.58MB'],
		[187_000_000, '187MB'],
		[1_200_000_000, '1.2GB'],
		[1e12, '1TB'],
		[1e15, '1PB'],
		[2e18, '2000PB'],
		[-1, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [bytes, text] of cases) {
		it(`${bytes} → ${text}`, () => {
			assert.equal(formatBytes(bytes), text);
		});
	}
});

describe('formatAge', () => {
	const now = Date.parse('2026-11-28T12:00:00Z');
	const cases: readonly (readonly [number, string])[] = [
		[0, '0s'],
		[0.999, '0s'],
		[1, '1s'],
		[59, '59s'],
		[minute, '1m'],
		[hour - 1, '59m'],
		[hour, '1h'],
		[day - 1, '23h'],
		[day, '1d'],
		[week - 1, '6d'],
		[week, '1w'],
		[29 * day, '4w'],
		[month, '1mo'],
		[364 * day, '12mo'],
		[year, '1y'],
		[3 * year + 5 * month, '3y'],
	];
	for (const [seconds, text] of cases) {
		it(`${seconds}s ago → ${text}`, () => {
			assert.equal(formatAge(now - seconds * 1000, now), text);
		});
	}

	it('shows 0s for a creation time in the future (clock skew)', () => {
		assert.equal(formatAge(now + 5000, now), '0s');
	});
});

describe('shortId', () => {
	const cases: readonly (readonly [string, string])[] = [
		[
			'sha256:2ff3720ef35f93d277f948bc4f318c87a5bc1ee8304712bd7996ea9734f689e1',
			'2ff3720ef35f',
		],
		[
			'2c0df34d428e1143b1d756d38901833175aeffcadde7234ddb50e6173143401a',
			'2c0df34d428e',
		],
		['abc', 'abc'],
		['', ''],
	];
	for (const [id, short] of cases) {
		it(`${id || '(empty)'} → ${short || '(empty)'}`, () => {
			assert.equal(shortId(id), short);
		});
	}
});

describe('withShortIds', () => {
	it('cuts every full id in an engine message to the short id, and leaves the rest', () => {
		assert.equal(
			withShortIds(
				'Container 0fd3e6d7812ed5213e285b8cf3cd556b4cbe61ff95193d5ed9bb5d00497b182f is not running',
			),
			'Container 0fd3e6d7812e is not running',
		);
		assert.equal(
			withShortIds(
				'conflict: unable to delete sha256:2ff3720ef35f93d277f948bc4f318c87a5bc1ee8304712bd7996ea9734f689e1 (must be forced) - image is being used by stopped container 2c0df34d428e1143b1d756d38901833175aeffcadde7234ddb50e6173143401a',
			),
			'conflict: unable to delete 2ff3720ef35f (must be forced) - image is being used by stopped container 2c0df34d428e',
		);
		assert.equal(
			withShortIds('web-1 at 2ff3720ef35f'),
			'web-1 at 2ff3720ef35f',
		);
	});

	it('cuts the ids of a Swarm task’s container name to 12 characters, and leaves other names', () => {
		assert.equal(
			withShortIds(
				'api.1.k3j4h5g6f7d8s9a0q1w2e3r4t: prod is read-only: nothing on it is changed',
			),
			'api.1.k3j4h5g6f7d8: prod is read-only: nothing on it is changed',
		);
		assert.equal(
			withShortIds(
				'stopped agent.q1w2e3r4t5y6u7i8o9p0a1s2d.k3j4h5g6f7d8s9a0q1w2e3r4t',
			),
			'stopped agent.q1w2e3r4t5y6.k3j4h5g6f7d8',
		);
		for (const name of ['web.1', 'web.1.short', 'compose-web-1', 'a.b.c']) {
			assert.equal(withShortIds(name), name);
		}
	});
});

describe('formatPorts', () => {
	const cases: readonly {
		readonly name: string;
		readonly ports: readonly PortMapping[];
		readonly text: string;
	}[] = [
		{name: 'no ports', ports: [], text: ''},
		{
			name: 'exposed only',
			ports: [{privatePort: 80, protocol: 'tcp'}],
			text: '80/tcp',
		},
		{
			name: 'several exposed',
			ports: [
				{privatePort: 53, protocol: 'udp'},
				{privatePort: 80, protocol: 'tcp'},
				{privatePort: 443, protocol: 'tcp'},
			],
			text: '53/udp, 80/tcp, 443/tcp',
		},
		{
			name: 'published on IPv4',
			ports: [
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
			],
			text: '0.0.0.0:8080->80/tcp',
		},
		{
			name: 'published on a specific address',
			ports: [
				{privatePort: 80, publicPort: 9090, ip: '127.0.0.1', protocol: 'tcp'},
			],
			text: '127.0.0.1:9090->80/tcp',
		},
		{
			name: 'IPv6 address in brackets',
			ports: [{privatePort: 80, publicPort: 8080, ip: '::1', protocol: 'tcp'}],
			text: '[::1]:8080->80/tcp',
		},
		{
			name: 'IPv4 and IPv6 bindings of one port shown once',
			ports: [
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
			],
			text: '0.0.0.0:8080->80/tcp',
		},
		{
			name: 'same private port published twice on different host ports',
			ports: [
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
				{privatePort: 80, publicPort: 9090, ip: '127.0.0.1', protocol: 'tcp'},
			],
			text: '0.0.0.0:8080->80/tcp, 127.0.0.1:9090->80/tcp',
		},
		{
			name: 'tcp and udp of one port are different ports',
			ports: [
				{privatePort: 53, publicPort: 53, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 53, publicPort: 53, ip: '0.0.0.0', protocol: 'udp'},
			],
			text: '0.0.0.0:53->53/tcp, 0.0.0.0:53->53/udp',
		},
		{
			name: 'published and exposed mixed, in the given order',
			ports: [
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '::', protocol: 'tcp'},
				{privatePort: 443, protocol: 'tcp'},
			],
			text: '0.0.0.0:8080->80/tcp, 443/tcp',
		},
	];
	for (const {name, ports, text} of cases) {
		it(name, () => {
			assert.equal(formatPorts(ports), text);
		});
	}

	it('shows a dual-stack binding the way docker ps does, straight from an Engine payload', () => {
		// Docker 20.10 lists `-p 8080:80` twice, and not always IPv4 first.
		for (const order of [
			['::', '0.0.0.0'],
			['0.0.0.0', '::'],
		]) {
			const summary = toContainerSummary({
				Id: 'abc',
				Ports: [
					{PrivatePort: 443, Type: 'tcp'},
					...order.map(ip => ({
						IP: ip,
						PrivatePort: 80,
						PublicPort: 8080,
						Type: 'tcp',
					})),
				],
			});
			assert.equal(
				formatPorts(summary?.ports ?? []),
				'0.0.0.0:8080->80/tcp, 443/tcp',
				`engine order ${order.join(', ')}`,
			);
		}
	});
});

describe('humanDuration', () => {
	// The table of go-units' TestHumanDuration (docker/go-units duration_test.go).
	const table: readonly (readonly [number, string])[] = [
		[0.45, 'Less than a second'],
		[1, '1 second'],
		[45, '45 seconds'],
		[46, '46 seconds'],
		[59, '59 seconds'],
		[60, 'About a minute'],
		[minute, 'About a minute'],
		[3 * minute, '3 minutes'],
		[35 * minute, '35 minutes'],
		[35 * minute + 40, '35 minutes'],
		[45 * minute, '45 minutes'],
		[45 * minute + 40, '45 minutes'],
		[46 * minute, '46 minutes'],
		[59 * minute, '59 minutes'],
		[hour, 'About an hour'],
		[hour + 29 * minute, 'About an hour'],
		[hour + 31 * minute, '2 hours'],
		[hour + 59 * minute, '2 hours'],
		[3 * hour, '3 hours'],
		[3 * hour + 29 * minute, '3 hours'],
		[3 * hour + 31 * minute, '4 hours'],
		[3 * hour + 59 * minute, '4 hours'],
		[3 * hour + 60 * minute, '4 hours'],
		[24 * hour, '24 hours'],
		[day + 12 * hour, '36 hours'],
		[2 * day, '2 days'],
		[7 * day, '7 days'],
		[13 * day + 5 * hour, '13 days'],
		[2 * week, '2 weeks'],
		[2 * week + 4 * day, '2 weeks'],
		[3 * week, '3 weeks'],
		[4 * week, '4 weeks'],
		[4 * week + 3 * day, '4 weeks'],
		[month, '4 weeks'],
		[month + 2 * week, '6 weeks'],
		[2 * month, '2 months'],
		[2 * month + 2 * week, '2 months'],
		[3 * month, '3 months'],
		[3 * month + week, '3 months'],
		[5 * month + 2 * week, '5 months'],
		[13 * month, '13 months'],
		[23 * month, '23 months'],
		[24 * month, '24 months'],
		[24 * month + 2 * week, '2 years'],
		[3 * year + 2 * month, '3 years'],
	];

	// The boundaries between the steps.
	const boundaries: readonly (readonly [number, string])[] = [
		[0, 'Less than a second'],
		[0.999, 'Less than a second'],
		[1.999, '1 second'],
		[2, '2 seconds'],
		[59.999, '59 seconds'],
		[119, 'About a minute'],
		[120, '2 minutes'],
		[hour - 1, '59 minutes'],
		[47 * hour, '47 hours'],
		[47 * hour + 29 * minute, '47 hours'],
		[47 * hour + 31 * minute, '2 days'],
		[48 * hour, '2 days'],
		[13 * day, '13 days'],
		[14 * day, '2 weeks'],
		[8 * week, '8 weeks'],
		[9 * week, '2 months'],
		[2 * year, '2 years'],
	];

	for (const [seconds, text] of [...table, ...boundaries]) {
		it(`${seconds}s → ${text}`, () => {
			assert.equal(humanDuration(seconds), text);
		});
	}
});

describe('currentStatus', () => {
	const listedAt = Date.parse('2026-11-28T12:00:00Z');
	const cases: readonly {
		readonly status: string;
		readonly elapsed: number;
		readonly now: string;
	}[] = [
		{status: 'Up 3 minutes', elapsed: 2 * minute, now: 'Up 5 minutes'},
		{status: 'Up 3 minutes', elapsed: 0, now: 'Up 3 minutes'},
		{status: 'Up 3 minutes', elapsed: 30, now: 'Up 3 minutes'},
		{
			status: 'Exited (0) 2 hours ago',
			elapsed: hour,
			now: 'Exited (0) 3 hours ago',
		},
		{
			status: 'Exited (137) 5 days ago',
			elapsed: 2 * day,
			now: 'Exited (137) 7 days ago',
		},
		{
			status: 'Up About a minute (healthy)',
			elapsed: minute,
			now: 'Up 2 minutes (healthy)',
		},
		{
			status: 'Up 2 seconds (Paused)',
			elapsed: 10,
			now: 'Up 12 seconds (Paused)',
		},
		{
			status: 'Up Less than a second',
			elapsed: 5,
			now: 'Up 5 seconds',
		},
		{
			status: 'Up 1 second (health: starting)',
			elapsed: 1,
			now: 'Up 2 seconds (health: starting)',
		},
		{
			status: 'Restarting (1) 50 seconds ago',
			elapsed: 20,
			now: 'Restarting (1) About a minute ago',
		},
		{
			status: 'Up 59 minutes (unhealthy)',
			elapsed: minute,
			now: 'Up About an hour (unhealthy)',
		},
		{status: 'Up 47 hours', elapsed: hour, now: 'Up 2 days'},
		{status: 'Up 13 days', elapsed: day, now: 'Up 2 weeks'},
		{status: 'Up 8 weeks', elapsed: week, now: 'Up 2 months'},
		{status: 'Up 23 months', elapsed: 2 * month, now: 'Up 2 years'},
		{status: 'Created', elapsed: hour, now: 'Created'},
		{status: 'Removal In Progress', elapsed: hour, now: 'Removal In Progress'},
		{status: 'Dead', elapsed: hour, now: 'Dead'},
		{status: '', elapsed: hour, now: ''},
	];
	for (const {status, elapsed, now} of cases) {
		it(`"${status}" + ${elapsed}s → "${now}"`, () => {
			assert.equal(
				currentStatus(status, listedAt, listedAt + elapsed * 1000),
				now,
			);
		});
	}

	it('leaves the status alone when the clock is behind the list', () => {
		assert.equal(
			currentStatus('Up 3 minutes', listedAt, listedAt - 60_000),
			'Up 3 minutes',
		);
	});
});

function cells(text: string): number {
	return cellWidth(text);
}

/** How wide a row of these columns is on screen, single spaces between them. */
function rowWidth(columns: readonly SizedColumn[]): number {
	return (
		columns.reduce((sum, column) => sum + column.size, 0) +
		(columns.length - 1) * columnGap
	);
}

function keys(columns: readonly SizedColumn[]): string[] {
	return columns.map(column => column.key);
}

describe('sizeColumns', () => {
	const simple: readonly ColumnSpec[] = [
		{key: 'fixed', header: 'F', width: 10},
		{key: 'one', header: 'O', flex: 1},
		{key: 'two', header: 'T', flex: 2},
	];

	it('fixed columns keep their width and flexible ones share the rest by flex', () => {
		const sized = sizeColumns(simple, 100);
		assert.equal(sized[0]?.size, 10);
		const one = sized[1]?.size ?? 0;
		const two = sized[2]?.size ?? 0;
		assert.ok(Math.abs(two - 2 * one) <= 2, `${one} : ${two}`);
	});

	it('fixed and flexible columns with the gaps between them fill the width exactly', () => {
		for (const [specs, widths] of [
			[simple, [20, 40, 41, 100, 101, 233]],
			[containerColumns, [60, 80, 81, 116, 120, 200, 257]],
			[imageColumns, [60, 80, 116, 200]],
		] as const) {
			for (const width of widths) {
				const sized = sizeColumns(specs, width);
				assert.equal(
					rowWidth(sized),
					width,
					`${keys(sized).join(',')} at ${width}: ${sized.map(column => column.size).join('+')}`,
				);
			}
		}
	});

	it('keeps every container column when there is room', () => {
		assert.deepEqual(keys(sizeColumns(containerColumns, 200)), [
			'mark',
			'state',
			'name',
			'image',
			'status',
			'cpu',
			'memory',
			'ports',
			'age',
		]);
		assert.deepEqual(keys(sizeColumns(imageColumns, 200)), [
			'mark',
			'tag',
			'id',
			'size',
			'age',
			'used',
		]);
	});

	it('drops columns lowest priority first as the width shrinks', () => {
		for (const specs of [containerColumns, imageColumns]) {
			const droppable = specs
				.filter(spec => spec.priority !== undefined)
				.sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
				.map(spec => spec.key);
			const order: string[] = [];
			let previous = keys(sizeColumns<string>(specs, 300));
			for (let width = 299; width >= 0; width--) {
				const now = keys(sizeColumns<string>(specs, width));
				// Narrower never brings a column back.
				assert.ok(
					now.every(key => previous.includes(key)),
					`${width}: ${now.join(',')} ⊄ ${previous.join(',')}`,
				);
				order.push(...previous.filter(key => !now.includes(key)));
				previous = now;
			}

			assert.deepEqual(order, droppable);
		}
	});

	it('drops ports first, then age, image, memory and CPU, and never name, status or the state dot', () => {
		const seen = new Set<string>();
		for (let width = 0; width <= 300; width++) {
			const sized = keys(sizeColumns(containerColumns, width));
			seen.add(sized.join(','));
			for (const key of ['state', 'name', 'status']) {
				assert.ok(sized.includes(key), `${key} at ${width}`);
			}
		}

		assert.deepEqual(
			[...seen],
			[
				'mark,state,name,status',
				'mark,state,name,status,cpu',
				'mark,state,name,status,cpu,memory',
				'mark,state,name,image,status,cpu,memory',
				'mark,state,name,image,status,cpu,memory,age',
				'mark,state,name,image,status,cpu,memory,ports,age',
			],
		);
	});

	it('keeps CPU and MEM at 60 columns, and gives a wide terminal to the name, not to blanks after the image', () => {
		assert.deepEqual(keys(sizeColumns(containerColumns, 56)), [
			'mark',
			'state',
			'name',
			'status',
			'cpu',
			'memory',
		]);
		const wide = sizeColumns(containerColumns, 196);
		const size = (key: string) =>
			wide.find(column => column.key === key)?.size ?? 0;
		assert.equal(size('image'), 40);
		assert.equal(size('status'), 30);
		assert.ok(size('name') >= 50, `name ${size('name')}`);
		assert.equal(rowWidth(wide), 196);
		const capped = sizeColumns(
			[
				{key: 'a', header: 'A', flex: 1, maxWidth: 5},
				{key: 'b', header: 'B', flex: 1},
			],
			40,
		);
		assert.deepEqual(
			capped.map(column => column.size),
			[5, 40 - 5 - columnGap],
		);
	});

	it('gives every kept column at least its minimum width, while a column can still be dropped', () => {
		for (let width = 60; width <= 300; width++) {
			for (const column of sizeColumns(containerColumns, width)) {
				assert.ok(
					column.size >= (column.minWidth ?? 1),
					`${column.key} is ${column.size} at ${width}`,
				);
			}
		}
	});

	it('depends on the width only, so rows of any content line up with the header', () => {
		const now = Date.parse('2026-11-28T12:00:00Z');
		const containers = [
			fakeContainer({name: 'a'}),
			fakeContainer({
				name: 'a-very-long-container-name-that-will-not-fit-anywhere-at-all',
				image:
					'registry.example.com:5000/team/project/service:2026.11.28-abcdef',
				status: 'Exited (137) About an hour ago',
				ports: [
					{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
					{privatePort: 443, publicPort: 8443, ip: '0.0.0.0', protocol: 'tcp'},
				],
			}),
			fakeContainer({name: '日本語のコンテナ名前', image: '🐳/whale:最新'}),
		];
		for (const width of [40, 80, 120, 200]) {
			const sized = sizeColumns(containerColumns, width);
			const header = sized
				.map(column => fit(column.header, column.size, column.align))
				.join(' ');
			for (const container of containers) {
				const row = containerCells(container, now);
				const line = sized
					.map(column => fit(row[column.key], column.size, column.align))
					.join(' ');
				assert.equal(
					cells(line),
					cells(header),
					`${container.name} at ${width}`,
				);
			}
		}
	});
});

describe('fit', () => {
	const cases: readonly {
		readonly text: string;
		readonly size: number;
		readonly align?: 'left' | 'right';
		readonly result: string;
	}[] = [
		{text: 'hello', size: 8, result: 'hello   '},
		{text: 'hello', size: 8, align: 'right', result: '   hello'},
		{text: 'hello', size: 5, result: 'hello'},
		{text: 'hello', size: 5, align: 'right', result: 'hello'},
		{text: 'hello world', size: 8, result: 'hello w…'},
		{text: 'hello world', size: 8, align: 'right', result: 'hello w…'},
		{text: 'hello', size: 4, result: 'hel…'},
		{text: 'hello', size: 1, result: '…'},
		{text: '', size: 3, result: '   '},
		{text: '', size: 3, align: 'right', result: '   '},
		{text: '日本語', size: 6, result: '日本語'},
		{text: '日本語', size: 7, result: '日本語 '},
		{text: '日本語', size: 7, align: 'right', result: ' 日本語'},
		{text: '日本語', size: 5, result: '日本…'},
		// A wide character that does not fit is left out whole, and the gap padded.
		{text: '日本語', size: 4, result: '日… '},
		{text: '日本語', size: 2, result: '… '},
		{text: '日本語', size: 1, result: '…'},
		{text: 'ab日本', size: 4, result: 'ab… '},
		{text: '🐳🐳', size: 4, result: '🐳🐳'},
		{text: '🐳🐳', size: 3, result: '🐳…'},
		{text: '🐳 whale', size: 5, result: '🐳 w…'},
		{text: '👨‍👩‍👧 family', size: 4, result: '👨‍👩‍👧 …'},
		{text: '🇩🇪🇫🇷', size: 3, result: '🇩🇪…'},
		{text: 'e\u0301e\u0301e\u0301', size: 3, result: 'e\u0301e\u0301e\u0301'},
		{text: 'e\u0301e\u0301e\u0301', size: 2, result: 'e\u0301…'},
		{text: 'café crème', size: 6, result: 'café …'},
	];
	for (const {text, size, align, result} of cases) {
		it(`${JSON.stringify(text)} in ${size}${align === 'right' ? ', right' : ''} → ${JSON.stringify(result)}`, () => {
			const fitted = fit(text, size, align);
			assert.equal(fitted, result);
			assert.equal(cells(fitted), size);
		});
	}

	it('returns nothing for a size of zero or less', () => {
		assert.equal(fit('hello', 0), '');
		assert.equal(fit('hello', -3), '');
		assert.equal(fit('', 0, 'right'), '');
	});

	it('is exactly `size` cells wide for every size, whatever the text', () => {
		const texts = [
			'plain ascii text',
			'日本語のコンテナ',
			'mixed 混合 text 🐳 and é',
			'👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧',
			'한국어 컨테이너',
		];
		for (const text of texts) {
			for (let size = 1; size <= cells(text) + 3; size++) {
				for (const align of ['left', 'right'] as const) {
					const fitted = fit(text, size, align);
					assert.equal(cells(fitted), size, `${text} in ${size} ${align}`);
					if (size < cells(text)) {
						assert.ok(fitted.trimEnd().endsWith('…'), fitted);
					} else {
						assert.equal(fitted.trim(), text);
					}
				}
			}
		}
	});
});

describe('rows', () => {
	const now = Date.parse('2026-11-28T12:00:00Z');

	it('containerCells', () => {
		const container = fakeContainer({
			name: 'web-1',
			image: 'nginx:1.27',
			status: 'Up 3 minutes',
			createdAt: now - 2 * 3600 * 1000,
			ports: [
				{privatePort: 443, protocol: 'tcp'},
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
			],
		});
		assert.deepEqual(containerCells(container, now), {
			mark: '',
			state: '●',
			engine: '',
			name: 'web-1',
			image: 'nginx:1.27',
			status: 'Up 3 minutes',
			cpu: '',
			memory: '',
			ports: '0.0.0.0:8080->80/tcp, 443/tcp',
			age: '2h',
		});
	});

	it('shows an untagged image reference as a short id', () => {
		const container = fakeContainer({
			name: 'x',
			image:
				'sha256:2ff3720ef35f93d277f948bc4f318c87a5bc1ee8304712bd7996ea9734f689e1',
		});
		assert.equal(containerCells(container, now).image, '2ff3720ef35f');
	});

	it('has a glyph for every state', () => {
		for (const [state, glyph] of Object.entries(stateGlyphs)) {
			assert.equal(cells(glyph), 1, state);
		}
	});

	it('imageCells: each tag of an image its own row, with the image figures repeated', () => {
		const image = fakeImage({
			id: 'sha256:4f67c83422ec747235357c04556616234e66fc3fa39cb4f40b2d4441ddd8f100',
			tags: ['nginx:1.27', 'nginx:latest'],
			size: 187_000_000,
			createdAt: now - 3 * 24 * 3600 * 1000,
		});
		const dangling = {...image, tags: []};
		assert.deepEqual(
			[
				imageCells({id: 'a', image, tag: 'nginx:1.27'}, 0, now),
				imageCells({id: 'b', image, tag: 'nginx:latest'}, 3, now, {
					isMarked: true,
				}),
				imageCells({id: 'c', image: dangling, tag: undefined}, 1, now),
				// Cut at the start, where tags of one repository do not differ.
				imageCells(
					{id: 'd', image, tag: 'registry.example/team/nginx:latest'},
					0,
					now,
					{},
					20,
				),
				imageCells({id: 'e', image, tag: 'nginx:1.27'}, 0, now, {
					pending: 'removing…',
				}),
			].map(cells => Object.values(cells).join('|')),
			[
				'||nginx:1.27|4f67c83422ec|187MB|3d|-',
				'✓||nginx:latest|4f67c83422ec|187MB|3d|3',
				'||<none>:<none>|4f67c83422ec|187MB|3d|1',
				'||…e/team/nginx:latest|4f67c83422ec|187MB|3d|-',
				'||nginx:1.27 (removing…)|4f67c83422ec|187MB|3d|-',
			],
		);
	});
});
