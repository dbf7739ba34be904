import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {
	inspected,
	toContainerDetails,
	toImageDetails,
	toImageHistory,
} from '../../source/docker/inspect.js';
import type {DetailsContent} from '../../source/state/details.js';
import {
	detailsLines,
	lineText,
	type DetailLine,
} from '../../source/ui/format/details-lines.js';
import {
	detailsContent,
	type DetailsViewerLine,
} from '../../source/ui/format/details-view.js';
import {matchCount} from '../../source/state/text-search.js';
import {
	textViewer,
	viewerMatchJumped,
	viewerScrolled,
	viewerSearched,
	viewerWindow,
	type TextViewer,
	type ViewerText,
} from '../../source/state/text-viewer.js';
import {markMatches} from '../../source/ui/viewer/segments.js';
import type {DetailsDialog} from '../../source/state/details.js';
import {textField} from '../../source/state/text-field.js';

function fixture(name: string): unknown {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	);
}

const now = Date.parse('2026-11-28T08:00:00Z');

const container: DetailsContent = {
	status: 'loaded',
	payload: {
		kind: 'container',
		inspected: inspected(
			fixture('docker-20.10-container-inspect.json'),
			toContainerDetails,
		),
	},
};

const image: DetailsContent = {
	status: 'loaded',
	payload: {
		kind: 'image',
		inspected: inspected(
			fixture('docker-20.10-image-inspect.json'),
			toImageDetails,
		),
		history: toImageHistory(fixture('docker-20.10-image-history.json')),
	},
};

function texts(lines: readonly DetailLine[]): string[] {
	return lines.map(line => lineText(line));
}

function lineWith(lines: readonly string[], pattern: RegExp): string {
	const found = lines.find(line => pattern.test(line));
	assert.ok(found, `no line matches ${String(pattern)}:\n${lines.join('\n')}`);
	return found;
}

const plain = (text: string): DetailLine => [{text, tone: 'plain'}];

function dialogOf(content: DetailsContent): DetailsDialog {
	return {
		kind: 'details',
		target: {kind: 'container', id: 'x', name: 'x'},
		content,
		view: 'summary',
		viewer: textViewer({isLog: false, follow: false, wrap: true}),
	};
}

function loadedPayload(content: DetailsContent) {
	assert.equal(content.status, 'loaded');
	return content.payload;
}

describe('the summary of a recorded container', () => {
	const lines = texts(detailsLines(container, 'summary', now));

	it('shows what it runs and how it is set up to restart', () => {
		assert.match(lineWith(lines, /^Command/), /\/bin\/sh -c 'sleep 600'$/);
		assert.match(lineWith(lines, /^Entrypoint/), /\/bin\/sh$/);
		assert.match(
			lineWith(lines, /^Restart/),
			/on-failure \(at most 3 retries\) · restarted 0 times/,
		);
		assert.match(lineWith(lines, /^State/), /running · pid 21323 · started/);
		assert.match(lineWith(lines, /^OOMKilled/), /no$/);
		assert.match(lineWith(lines, /^Health/), /healthy · failing streak 0/);
	});

	it('shows the limits, the namespace modes and the cgroup settings', () => {
		assert.match(
			lineWith(lines, /^ {2}Memory/),
			/64MiB \(reservation 32MiB, memory\+swap 128MiB\)/,
		);
		assert.match(lineWith(lines, /^ {2}CPUs/), /0\.5 CPU$/);
		assert.match(lineWith(lines, /^ {2}PIDs/), /100$/);
		assert.match(lineWith(lines, /^ {2}IPC/), /shareable$/);
		assert.match(lineWith(lines, /^ {2}PID /), /default$/);
		assert.match(lineWith(lines, /^ {2}Cgroup {2}/), /private$/);
		assert.match(lineWith(lines, /^ {2}Cgroup parent/), /default$/);
	});

	it('sets every value in one column, two past the longest label', () => {
		const parent = lineWith(lines, /^ {2}Cgroup parent/);
		assert.match(parent, /^ {2}Cgroup parent {2}default$/);
		const valueColumn = parent.indexOf('default');
		for (const pattern of [
			/^Name /,
			/^Command /,
			/^ {2}Memory /,
			/^ {2}Privileged /,
		]) {
			const line = lineWith(lines, pattern);
			assert.equal(line.slice(valueColumn - 2, valueColumn), '  ', line);
			assert.notEqual(line[valueColumn], ' ', line);
		}
	});

	it('wraps a long value under itself, not at the edge of the view', () => {
		const content = detailsContent(dialogOf(container), now, {
			rows: 4,
			columns: 40,
			wrap: true,
		});
		const rows = content.lines
			.slice(0, 2)
			.flatMap(line => content.rowsOf(line, '', false))
			.map(row => lineText(row));
		const valueColumn = (rows[0] ?? '').search(/\S+$/);
		assert.match(rows[1] ?? '', /^ID +[\da-f]+$/);
		assert.match(rows[2] ?? '', /^ +[\da-f]+$/);
		assert.equal((rows[2] ?? '').search(/\S/), valueColumn, rows.join('\n'));
	});

	it('lists env, mounts, ports and labels', () => {
		assert.ok(lines.includes('Environment (2)'));
		assert.ok(lines.includes('  FOO=bar'));
		assert.match(lineWith(lines, /dmvol → \/data/), /\(rw, z\)$/);
		assert.ok(lines.includes('  8080/tcp'));
		assert.ok(lines.includes('  purpose=details'));
	});

	it('says an exit code and an OOM kill in words', () => {
		const exited = texts(
			detailsLines(
				{
					status: 'loaded',
					payload: {
						kind: 'container',
						inspected: inspected(
							{
								...(fixture(
									'docker-20.10-container-exited-inspect.json',
								) as object),
								State: {Status: 'exited', ExitCode: 137, OOMKilled: true},
							},
							toContainerDetails,
						),
					},
				},
				'summary',
				now,
			),
		);
		assert.match(lineWith(exited, /^State/), /exited \(exit code 137\)/);
		assert.match(lineWith(exited, /^OOMKilled/), /yes/);
	});
});

describe('the summary of a recorded image', () => {
	const lines = texts(detailsLines(image, 'summary', now));

	it('shows its tags, platform and config', () => {
		assert.match(lineWith(lines, /^Tags/), /dockmate-e2e\/built:1$/);
		assert.match(lineWith(lines, /^Platform/), /linux\/amd64$/);
		assert.match(
			lineWith(lines, /^Exposed ports/),
			/^Exposed ports {2}8080\/tcp$/,
		);
		assert.ok(lines.includes('  GREETING=hello'));
		assert.ok(lines.includes('  org.example.purpose=details test'));
	});

	it('lists its history like docker history: id, age, size, what made it', () => {
		const header = lines.indexOf('History (6 steps, newest first)');
		assert.notEqual(header, -1);
		assert.match(
			lines[header + 1] ?? '',
			/IMAGE\s+CREATED\s+SIZE\s+CREATED BY/,
		);
		assert.match(
			lines[header + 2] ?? '',
			/^ {2}2bfad5e9e90a\s+\d+m\s+0B\s+\/bin\/sh -c #\(nop\) {2}CMD \["sh"\]$/,
		);
		assert.match(
			lines[header + 7] ?? '',
			/^ {2}e54eb231678f\s+\d+m\s+1\.98MB\s+\/bin\/sh -c #\(nop\) COPY file:/,
		);
	});
});

describe('the JSON view', () => {
	it('is the indented JSON, line for line, keys told apart', () => {
		const lines = detailsLines(container, 'json', now);
		const {json} = loadedPayload(container).inspected;
		assert.deepEqual(texts(lines), json.split('\n'));
		const memory = lines.find(line => lineText(line).includes('"Memory"'));
		assert.deepEqual(
			memory?.map(segment => segment.tone),
			['plain', 'label', 'plain'],
		);
	});

	it('is empty until loaded', () => {
		assert.deepEqual(detailsLines({status: 'loading'}, 'json', now), []);
	});
});

describe('searching and scrolling', () => {
	const words = ['alpha', 'Beta', 'gamma', 'beta two', 'delta'];
	const lines: DetailsViewerLine[] = words.map((text, index) => ({
		seq: index,
		time: index,
		text,
		segments: plain(text),
	}));
	const text = (rows: number): ViewerText<DetailsViewerLine> => ({
		lines,
		layout: {rows, rowsOf: () => 1},
	});
	const atTop = textViewer({isLog: false, follow: false, wrap: false});

	function searched(query: string): TextViewer {
		return viewerSearched({...atTop, draft: textField(query)}, text(2)).viewer;
	}

	it('searches down from the top, n goes down, N up, wrapping around', () => {
		let viewer = searched('beta');
		assert.equal(viewer.match, 1);
		viewer = viewerMatchJumped(viewer, text(2), true).viewer;
		assert.equal(viewer.match, 3);
		const wrapped = viewerMatchJumped(viewer, text(2), true);
		assert.equal(wrapped.viewer.match, 1);
		assert.equal(wrapped.note?.text, 'search wrapped to the first line');
		assert.equal(
			viewerMatchJumped(wrapped.viewer, text(2), false).viewer.match,
			3,
		);
		assert.equal(
			viewerSearched({...atTop, draft: textField('zeta')}, text(2)).note?.text,
			'no match for "zeta"',
		);
		assert.equal(matchCount(lines, 'BETA'), 2);
	});

	it('marks matches across segments of different tones', () => {
		const line: DetailLine = [
			{text: 'Memory', tone: 'label'},
			{text: ' 64MiB', tone: 'plain'},
		];
		assert.deepEqual(markMatches(line, 'ry 6', false), [
			{text: 'Memo', tone: 'label'},
			{text: 'ry', tone: 'match'},
			{text: ' 6', tone: 'match'},
			{text: '4MiB', tone: 'plain'},
		]);
		assert.deepEqual(markMatches(line, 'mi', true), [
			{text: 'Memory', tone: 'label'},
			{text: ' 64', tone: 'plain'},
			{text: 'Mi', tone: 'currentMatch'},
			{text: 'B', tone: 'plain'},
		]);
		assert.equal(markMatches(line, 'zzz', false), line);
	});

	it('keeps the last page full, counting wrapped rows', () => {
		const long: DetailsViewerLine[] = [
			{seq: 0, time: 0, text: 'x'.repeat(25), segments: plain('x'.repeat(25))},
			...lines.map(line => ({...line, seq: line.seq + 1, time: line.time + 1})),
		];
		const content = detailsContent(dialogOf(container), now, {
			rows: 3,
			columns: 10,
			wrap: true,
		});
		const rowsOf = (line: DetailsViewerLine) =>
			content.rowsOf(line, '', false).length;
		assert.equal(rowsOf(long[0]!), 3);
		const layout = {rows: 3, rowsOf};
		// Down past the end stands on the last page.
		const down = viewerScrolled(atTop, {lines: long, layout}, 99);
		assert.deepEqual(viewerWindow(down, long, layout), {
			top: 3,
			skip: 0,
			bottom: 5,
		});
		assert.deepEqual(
			viewerWindow(atTop, long, layout),
			{top: 0, skip: 0, bottom: 0},
			'the wrapped first line fills the view',
		);
		assert.deepEqual(
			content.rowsOf(long[0]!, '', false).map(row => lineText(row)),
			['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)],
		);
	});
});
