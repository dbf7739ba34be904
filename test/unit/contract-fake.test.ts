import {dockerClientContract} from '../contract/docker-client.contract.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	fakeSample,
} from '../fakes/fake-docker-client.js';

const image = 'contract/busybox:latest';

dockerClientContract('the fake engine', () => {
	const client = new FakeDockerClient();
	const imageId = `sha256:${'c0ffee'.padEnd(64, '0')}`;
	client.putImage(
		fakeImage({id: imageId, tags: [image], createdAt: Date.now() - 60_000}),
	);
	let lastCreated = 0;
	return {
		client,
		image,
		run({name, stdout, stderr, tty, running}) {
			const container = fakeContainer({
				name,
				image,
				imageId,
				// The engine orders by a finer clock than milliseconds: no two share a time.
				createdAt: (lastCreated = Math.max(Date.now(), lastCreated + 1)),
				state: running ? 'running' : 'exited',
				status: running
					? 'Up Less than a second'
					: 'Exited (0) Less than a second ago',
			});
			client.putContainer(container);
			// What the busybox image the real engine runs holds.
			client.files.set(
				container.id,
				new Map([
					[
						'/etc/passwd',
						'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
					],
					['/etc/group', 'root:x:0:\nnogroup:x:65534:\n'],
				]),
			);
			client.containerDetails.set(container.id, {tty});
			const line = (stream: 'stdout' | 'stderr') => (text: string) => ({
				stream,
				text,
				time: Date.now(),
			});
			client.writeLog(container.id, [
				...stdout.map(line('stdout')),
				...stderr.map(line('stderr')),
			]);
			if (running) {
				client.processLists.set(container.id, [
					{
						pid: 4242 + (lastCreated % 1000),
						nsPid: 1,
						user: '0',
						state: 'S',
						cpuPercent: undefined,
						cpuTicks: 0,
						rss: 409_600,
						threads: 1,
						startedAt: Date.now(),
						command: 'sleep 600',
					},
				]);
				client.pushStats(container.id, fakeSample());
			}
			return Promise.resolve(container.id);
		},
	};
});
