/**
 * A POSIX shell on the machine the engine runs on, where dockmate has one: for an ssh:// engine,
 * over the engine's own ssh connection. It lets dockmate read that machine's cgroup and /proc files
 * the way it reads local ones, nothing installed or written there.
 */
export type HostShell = {
	/** How the shell is reached, for the header (`ssh`). */
	readonly via: string;
	/**
	 * Runs `script` with `sh` on that machine, the script on the shell's standard input (so the
	 * script must not read standard input itself). Resolves with its standard output;
	 * rejects with a DockerError when it exits non-zero (its standard error in the message) or the
	 * connection is lost, and with an abort error when the signal aborts (the process is ended).
	 */
	run(script: string, signal?: AbortSignal): Promise<string>;
	/** Ends what it keeps open there; a later run opens it again. */
	readonly close: () => void;
};
