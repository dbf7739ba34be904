import {createContext, useContext} from 'react';
import type {Services} from '../../runtime/services.js';

/** Carries the services to every component below `<App>`. */
export const ServicesContext = createContext<Services | undefined>(undefined);

/** The services of the running app. */
export function useServices(): Services {
	const services = useContext(ServicesContext);
	if (services === undefined) {
		throw new Error('useServices() needs <App> above it');
	}

	return services;
}
