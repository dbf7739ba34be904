import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {jsonLine} from '../../source/ui/format/details/json.js';
import {lineValue} from '../../source/ui/format/details/line-value.js';
import {heading, plain, row} from '../../source/ui/format/details/segments.js';

describe('the value of a details line', () => {
	it('is what follows the key, in the summary and in the JSON', () => {
		assert.deepEqual(lineValue(row('Image', plain('nginx:1.27'))), {
			key: 'Image',
			value: 'nginx:1.27',
		});
		assert.deepEqual(lineValue(jsonLine('    "Hostname": "a\\"b",')), {
			key: 'Hostname',
			value: 'a"b',
		});
		assert.deepEqual(lineValue(jsonLine('  "Pid": 4242,')), {
			key: 'Pid',
			value: '4242',
		});
	});

	it('is none on a line without a key or without a value', () => {
		assert.equal(lineValue(heading('Limits')), undefined);
		assert.equal(lineValue(jsonLine('  }')), undefined);
		assert.equal(lineValue([plain('none')]), undefined);
	});
});
