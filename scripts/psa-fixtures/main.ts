/**
 * Serves the PSA fixture pages on 127.0.0.1 until stopped with Ctrl+C.
 *
 *     npx tsx scripts/psa-fixtures/main.ts [--port 8790]
 */
import { parseArgs } from 'node:util';
import { startPsaFixtureServer } from './server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `Invalid --port "${values.port}". Give a number from 0 to 65535 (0 picks a free port).`,
  );
  process.exit(2);
}

const server = await startPsaFixtureServer({ port });
console.log(`PSA fixtures at ${server.url}`);
console.log(`ConnectWise agreement: ${server.url}/v4_6_release/ConnectWise.aspx?recid=4107`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stopping the PSA fixture server failed:', error);
        process.exit(1);
      },
    );
  });
}
