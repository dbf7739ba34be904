import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {checkSubnet} from '../../source/state/cidr.js';

function error(text: string): string {
	const check = checkSubnet(text);
	assert.ok(!check.ok, `${text} was accepted`);
	return check.error;
}

describe('checkSubnet', () => {
	it('takes IPv4 and IPv6 subnets as the engine writes them', () => {
		for (const [typed, cidr] of [
			['10.10.0.0/24', '10.10.0.0/24'],
			[' 172.30.0.0/16 ', '172.30.0.0/16'],
			['192.168.7.128/25', '192.168.7.128/25'],
			['10.0.0.7/32', '10.0.0.7/32'],
			['0.0.0.0/0', '0.0.0.0/0'],
			['fd00:1::/64', 'fd00:1::/64'],
			['2001:db8::/32', '2001:db8::/32'],
			['::ffff:10.0.0.0/120', '::ffff:10.0.0.0/120'],
		] as const) {
			assert.deepEqual(checkSubnet(typed), {ok: true, cidr}, typed);
		}
	});

	it('says what the subnet is when host bits are set', () => {
		assert.equal(
			error('10.10.0.1/24'),
			'10.10.0.1/24 has host bits set: the subnet is 10.10.0.0/24',
		);
		assert.equal(
			error('192.168.7.200/25'),
			'192.168.7.200/25 has host bits set: the subnet is 192.168.7.128/25',
		);
		assert.equal(
			error('fd00:1::1/64'),
			'fd00:1::1/64 has host bits set: the subnet is fd00:1::/64',
		);
		assert.equal(
			error('2001:db8:0:0:1:0:0:1/80'),
			'2001:db8:0:0:1:0:0:1/80 has host bits set: the subnet is 2001:db8:0:0:1::/80',
		);
	});

	it('refuses what is not an address with a prefix length, saying how to write one', () => {
		assert.match(
			error('10.10.0.0'),
			/"10.10.0.0" is not a subnet: write it as address\/prefix/,
		);
		assert.match(error(''), /^no subnet/);
		assert.match(error('10.10.0.0/24/8'), /is not a subnet/);
		assert.equal(
			error('10.300.0.0/16'),
			'10.300.0.0 is not an IPv4 or IPv6 address',
		);
		assert.equal(
			error('010.1.0.0/16'),
			'010.1.0.0 is not an IPv4 or IPv6 address',
		);
		assert.equal(error('backend/24'), 'backend is not an IPv4 or IPv6 address');
		assert.equal(
			error('fe80::1%eth0/64'),
			'fe80::1%eth0 is not an IPv4 or IPv6 address',
		);
	});

	it('refuses a prefix length the family does not have', () => {
		assert.equal(
			error('10.0.0.0/33'),
			'/33 is not a prefix length for IPv4: use 0 to 32',
		);
		assert.equal(
			error('fd00::/129'),
			'/129 is not a prefix length for IPv6: use 0 to 128',
		);
		assert.match(error('10.0.0.0/08'), /\/08 is not a prefix length/);
	});
});
