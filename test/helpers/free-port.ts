import {createServer} from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now, for a server the test starts next.
 * Another process could take it in between; on a test machine that is rare enough.
 */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (typeof address === 'object' && address !== null) {
					resolve(address.port);
				} else {
					reject(new Error('no port assigned'));
				}
			});
		});
	});
}
