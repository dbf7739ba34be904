/** Why a call to the engine failed, in terms the user can act on. */
export type DockerErrorCode =
	| 'unreachable'
	| 'permission-denied'
	| 'not-found'
	| 'conflict'
	| 'timeout'
	| 'not-an-engine'
	| 'bad-request'
	| 'server'
	| 'unknown';
