/**
 * Starts the local Addigy server from the command line, for the demo and for manual tests:
 *
 *     npx tsx scripts/addigy-server/main.ts [--port N] [--fleet FILE] [--now ISO_DATE]
 *
 * Without `--fleet` it serves the demo fleet. It prints the URL and the credentials, logs each
 * request, and stops on SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { DEMO_FLEET_NOW, generateDemoFleet } from './demo-fleet';
import { loadFleet, type Fleet } from './fleet';
import { DEMO_CREDENTIALS, startAddigyServer } from './server';

const USAGE = `Usage: npx tsx scripts/addigy-server/main.ts [options]

  --port N         TCP port on 127.0.0.1 (default 0: any free port)
  --fleet FILE     fleet JSON file to serve (default: the generated demo fleet)
  --now ISO_DATE   demo fleet only: the time its last_online dates count back from
                   (default ${new Date(DEMO_FLEET_NOW).toISOString()}); "today" uses the clock
  --help           print this help`;

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port "${text}": give an integer from 0 to 65535.`);
  }
  return port;
}

function parseNow(text: string | undefined): number {
  if (text === undefined) return DEMO_FLEET_NOW;
  if (text === 'today') return Date.now();
  const now = Date.parse(text);
  if (Number.isNaN(now)) {
    throw new Error(`Invalid --now "${text}": give an ISO 8601 date such as 2026-11-30T12:00:00Z.`);
  }
  return now;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      fleet: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const port = parsePort(values.port);
  const fleet: Fleet = values.fleet
    ? await loadFleet(values.fleet)
    : generateDemoFleet(1, parseNow(values.now));
  const server = await startAddigyServer({
    fleet,
    port,
    onRequest: (entry) => console.log(`${entry.method} ${entry.path} -> ${entry.status}`),
  });

  console.log(`Addigy test server listening on ${server.url}`);
  console.log(
    `  fleet: ${values.fleet ?? 'demo fleet'}, ${fleet.policies.length} policies, ${fleet.devices.length} devices`,
  );
  console.log(`  V2: ${server.url}/api/v2  x-api-key: ${DEMO_CREDENTIALS.apiKey}`);
  console.log(
    `  V1: ${server.url}/api  client-id: ${DEMO_CREDENTIALS.clientId}  client-secret: ${DEMO_CREDENTIALS.clientSecret}`,
  );

  const stop = (signal: NodeJS.Signals) => {
    console.log(`Received ${signal}; stopping the Addigy test server.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The Addigy test server failed to stop:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`\n${USAGE}`);
  process.exit(1);
});
