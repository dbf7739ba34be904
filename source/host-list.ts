import {errorMessage} from './docker/errors.js';
import {configPath, readConfig} from './config.js';
import type {Endpoint} from './docker/endpoint.js';
import {listHostChoices, type HostChoice} from './docker/host-choices.js';

/**
 * The host switcher's list, read afresh: the docker contexts, and the hosts of dockmate's config
 * file as it is now (an entry added while dockmate runs shows up). A broken config file leaves
 * its hosts out and says why.
 */
export function readHostList(options: {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly homeDir: string;
	readonly startup: Endpoint;
}): {
	readonly choices: readonly HostChoice[];
	readonly problem: string | undefined;
} {
	const {env, homeDir, startup} = options;
	let hosts;
	let problem;
	try {
		hosts = readConfig(configPath(env, homeDir)).hosts;
	} catch (error) {
		problem = errorMessage(error);
	}

	return {
		choices: listHostChoices({env, homeDir, hosts: hosts ?? [], startup}),
		problem,
	};
}
