import {createHmac} from 'node:crypto';

/** What `known_hosts` says about the key an ssh server showed. */
export type HostKeyVerdict =
	/** A line for this host holds this very key. */
	| 'trusted'
	/** Lines for this host hold other keys of the same type, and none this one: the key changed. */
	| 'changed'
	/** A `@revoked` line holds this key. */
	| 'revoked'
	/** No line for this host holds a key of this type. */
	| 'unknown';

type Entry = {
	readonly marker: string | undefined;
	readonly hosts: string;
	readonly keyType: string;
	readonly key: string;
};

/** How OpenSSH writes a host into `known_hosts`: the bare name on port 22, else `[name]:port`. */
export function knownHostName(host: string, port: number): string {
	return port === 22 ? host : `[${host}]:${port}`;
}

function entries(text: string): Entry[] {
	const result: Entry[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const fields = line.split(/\s+/);
		const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
		const [hosts, keyType, key] = fields;
		if (hosts !== undefined && keyType !== undefined && key !== undefined) {
			result.push({marker, hosts, keyType, key});
		}
	}

	return result;
}

/** OpenSSH's `match_pattern`: `*` is any run of characters, `?` any one character, case-insensitive. */
function matchesPattern(name: string, pattern: string): boolean {
	const source = pattern
		.split('')
		.map(char =>
			char === '*'
				? '.*'
				: char === '?'
					? '.'
					: char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'),
		)
		.join('');
	return new RegExp(`^${source}$`, 'i').test(name);
}

/** `|1|salt|hash`: HMAC-SHA1 of the name keyed by the salt, as `HashKnownHosts yes` writes it. */
function matchesHashed(name: string, field: string): boolean {
	const [, kind, salt, hash] = field.split('|');
	if (kind !== '1' || salt === undefined || hash === undefined) {
		return false;
	}

	const digest = createHmac('sha1', Buffer.from(salt, 'base64'))
		.update(name)
		.digest('base64');
	return digest === hash;
}

/** A comma-separated pattern list; a matching negated pattern (`!name`) rules the line out. */
function matchesHosts(name: string, hosts: string): boolean {
	if (hosts.startsWith('|')) {
		return matchesHashed(name, hosts);
	}

	let isMatch = false;
	for (const pattern of hosts.split(',')) {
		if (pattern.startsWith('!')) {
			if (matchesPattern(name, pattern.slice(1))) {
				return false;
			}
		} else if (matchesPattern(name, pattern)) {
			isMatch = true;
		}
	}

	return isMatch;
}

function forHost(texts: readonly string[], name: string): Entry[] {
	return texts
		.flatMap(text => entries(text))
		.filter(entry => matchesHosts(name, entry.hosts));
}

/** The type named inside an ssh public key blob (its first length-prefixed string). */
function blobKeyType(blob: Buffer): string | undefined {
	if (blob.length < 4) {
		return undefined;
	}

	const length = blob.readUInt32BE(0);
	return blob.length >= 4 + length
		? blob.subarray(4, 4 + length).toString('latin1')
		: undefined;
}

/**
 * Judges the key an ssh server showed (the raw public key blob) against the text of
 * `known_hosts` files, as OpenSSH's `StrictHostKeyChecking yes` would. `@cert-authority` lines are
 * not understood, so a host known only through them is `unknown`.
 */
export function checkHostKey(
	texts: readonly string[],
	host: string,
	port: number,
	key: Buffer,
): HostKeyVerdict {
	const lines = forHost(texts, knownHostName(host, port));
	const shown = key.toString('base64');
	if (lines.some(line => line.marker === '@revoked' && line.key === shown)) {
		return 'revoked';
	}

	const plain = lines.filter(line => line.marker === undefined);
	if (plain.some(line => line.key === shown)) {
		return 'trusted';
	}

	const type = blobKeyType(key);
	return plain.some(line => line.keyType === type) ? 'changed' : 'unknown';
}

/** The key types `known_hosts` holds for a host, so the handshake can ask for one of those first. */
export function knownKeyTypes(
	texts: readonly string[],
	host: string,
	port: number,
): string[] {
	const types = forHost(texts, knownHostName(host, port))
		.filter(line => line.marker === undefined)
		.map(line => line.keyType);
	return [...new Set(types)];
}
