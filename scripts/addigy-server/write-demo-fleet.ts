/**
 * Writes the demo fleet as a fleet file, as an example of the format or a starting point for a
 * hand-edited fixture:
 *
 *     npx tsx scripts/addigy-server/write-demo-fleet.ts FILE [--seed N]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateDemoFleet } from './demo-fleet';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { seed: { type: 'string', default: '1' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  const seed = Number(values.seed);
  if (file === undefined || !Number.isInteger(seed)) {
    throw new Error('Usage: npx tsx scripts/addigy-server/write-demo-fleet.ts FILE [--seed N]');
  }

  const fleet = generateDemoFleet(seed);
  await writeFile(file, `${JSON.stringify(fleet, null, 2)}\n`, 'utf8');
  console.log(
    `Wrote ${fleet.policies.length} policies and ${fleet.devices.length} devices to ${file}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
