import {fakeContainer, fakeImage} from './fake-docker-client.js';

/**
 * The engine that the main-screen and housekeeping UI tests start from: web-1 (nginx, two ports,
 * on `backend`) and db (postgres) running, job exited with 1, and the images of the first
 * two. Files add what their cases need on top.
 */
export const sample = {
	web: fakeContainer({
		name: 'web-1',
		image: 'nginx:1.27',
		imageId: 'sha256:nginx',
		networks: ['backend'],
		ports: [
			{privatePort: 443, protocol: 'tcp'},
			{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp'},
		],
	}),
	db: fakeContainer({name: 'db', image: 'postgres:16', imageId: 'sha256:pg'}),
	job: fakeContainer({
		name: 'job',
		state: 'exited',
		status: 'Exited (1) 2 hours ago',
	}),
	images: [
		fakeImage({id: 'sha256:nginx', tags: ['nginx:1.27'], size: 187_000_000}),
		fakeImage({id: 'sha256:pg', tags: ['postgres:16']}),
	],
} as const;
