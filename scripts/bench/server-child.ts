/**
 * The child process that `server-process.ts` forks. It generates the large fleet and serves it
 * from the local Addigy server on 127.0.0.1 with a fixed latency. It sends the request log when
 * the parent sends `send-log`, and closes the server and exits when the parent disconnects.
 */
import { startAddigyServer } from '../addigy-server/server';
import { searchDevices } from '../addigy-server/v2-devices';
import { generateLargeFleet } from './large-fleet';
import type { ChildMessage, ParentMessage, ServerProcessConfig } from './server-process';

function send(message: ChildMessage): void {
  process.send?.(message);
}

if (process.send === undefined) {
  throw new Error(
    'server-child.ts was started without an IPC channel to a parent. Run the sync benchmark instead: npm run bench:sync',
  );
}
const config = JSON.parse(process.argv[2] ?? '{}') as ServerProcessConfig;
const fleet = generateLargeFleet(config.deviceCount, config.seed, config.now);
// The server sorts a fleet on the first search for each order. Sorting now, in the order the V2
// client asks for, keeps that one-off cost (about 120 ms for 100,000 devices) out of the sync,
// as a real Addigy would serve pages from an index.
searchDevices(fleet, { sort_field: 'serial_number', sort_direction: 'asc' });
const server = await startAddigyServer({ fleet, latencyMs: config.latencyMs });

process.on('message', (message: ParentMessage) => {
  if (message.kind === 'send-log') send({ kind: 'log', requests: server.requests });
});
process.once('disconnect', () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('The benchmark Addigy server failed to close:', error);
      process.exit(1);
    },
  );
});
send({ kind: 'ready', url: server.url, policyCount: fleet.policies.length });
