import {isIPv4, isIPv6} from 'node:net';

/** A subnet as typed, checked: the CIDR to send, or why it cannot be one. */
export type SubnetCheck =
	| {readonly ok: true; readonly cidr: string}
	| {readonly ok: false; readonly error: string};

/** The address as one number, most significant bit first. */
function ipv4Bits(address: string): bigint {
	return address
		.split('.')
		.reduce((bits, octet) => (bits << 8n) | BigInt(octet), 0n);
}

function ipv4Text(bits: bigint): string {
	return [24n, 16n, 8n, 0n]
		.map(shift => String((bits >> shift) & 255n))
		.join('.');
}

/** Expands `::` and a dotted IPv4 tail into the eight 16-bit groups. */
function ipv6Bits(address: string): bigint {
	const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
	const hex =
		dotted === undefined
			? address
			: address.slice(0, -dotted.length) +
				((ipv4Bits(dotted) >> 16n).toString(16) +
					':' +
					(ipv4Bits(dotted) & 0xffffn).toString(16));
	const [head = '', tail] = hex.split('::');
	const groups = (part: string): string[] =>
		part === '' ? [] : part.split(':');
	const left = groups(head);
	const right = tail === undefined ? [] : groups(tail);
	const all = [
		...left,
		...Array.from({length: 8 - left.length - right.length}, () => '0'),
		...right,
	];
	return all.reduce((bits, group) => (bits << 16n) | BigInt(`0x${group}`), 0n);
}

/** The shortest form, as the engine writes it: the longest run of zero groups as `::`. */
function ipv6Text(bits: bigint): string {
	const groups = Array.from({length: 8}, (_, index) =>
		Number((bits >> BigInt((7 - index) * 16)) & 0xffffn),
	);
	let bestStart = -1;
	let bestLength = 1;
	for (let start = 0; start < 8; start++) {
		let length = 0;
		while (start + length < 8 && groups[start + length] === 0) {
			length++;
		}

		if (length > bestLength) {
			bestStart = start;
			bestLength = length;
		}
	}

	const hex = (part: readonly number[]): string =>
		part.map(group => group.toString(16)).join(':');
	return bestStart === -1
		? hex(groups)
		: `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/**
 * Checks a subnet in CIDR notation (`10.10.0.0/24`, `fd00:1::/64`) as the engine will read it:
 * a valid address, a prefix length that fits, and no bits set past the prefix (newer engines
 * refuse those; older ones keep the odd address as the network's). The error says what to type.
 */
export function checkSubnet(text: string): SubnetCheck {
	const trimmed = text.trim();
	const match = /^([^/\s]+)\/(\d{1,3})$/.exec(trimmed);
	if (match === null) {
		return {
			ok: false,
			error: `${trimmed === '' ? 'no subnet' : `"${trimmed}" is not a subnet`}: write it as address/prefix, e.g. 10.10.0.0/24`,
		};
	}

	const [, address = '', prefixText = ''] = match;
	// A zone (`fe80::1%eth0`) names an interface, which a subnet has no use for.
	const family = isIPv4(address)
		? 4
		: isIPv6(address) && !address.includes('%')
			? 6
			: undefined;
	if (family === undefined) {
		return {ok: false, error: `${address} is not an IPv4 or IPv6 address`};
	}

	const width = family === 4 ? 32 : 128;
	const prefix = Number(prefixText);
	if (prefix > width || (prefixText.length > 1 && prefixText.startsWith('0'))) {
		return {
			ok: false,
			error: `/${prefixText} is not a prefix length for IPv${family}: use 0 to ${width}`,
		};
	}

	const bits = family === 4 ? ipv4Bits(address) : ipv6Bits(address);
	const hostBits = BigInt(width - prefix);
	const network = (bits >> hostBits) << hostBits;
	if (network !== bits) {
		const text = family === 4 ? ipv4Text(network) : ipv6Text(network);
		return {
			ok: false,
			error: `${trimmed} has host bits set: the subnet is ${text}/${prefix}`,
		};
	}

	return {ok: true, cidr: `${address}/${prefix}`};
}
