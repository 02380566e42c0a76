/**
 * Runs the product locally: builds the extension, starts the local Addigy server and the PSA
 * fixture pages on 127.0.0.1, and opens Chromium with the extension loaded.
 *
 *     npm start
 *     npm start -- --headless --out DIR [--fleet FILE] [--api v1|v2]
 *
 * The headless run goes through the real UI (options, popup, agreement page, side panel),
 * writes popup.png, agreement.png, sidepanel.png and counts.csv to DIR, prints the per-policy
 * table and exits 0; on any failure it names the step and exits 1. The README's screenshots are
 * made with `npm start -- --headless --out docs/screenshots`.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { generateDemoFleet } from './addigy-server/demo-fleet';
import { loadFleet, type Fleet } from './addigy-server/fleet';
import { DEMO_CREDENTIALS, startAddigyServer } from './addigy-server/server';
import { E2E_EXTENSION_DIR, findChromium, launchWithExtension } from './browser/launch';
import { startPsaFixtureServer } from './psa-fixtures/server';
import { runHeadlessDemo } from './demo/headless';

const USAGE = `Usage: npm start -- [--headless --out DIR] [--fleet FILE] [--api v1|v2]

  --headless     run the whole flow without a window and write screenshots and the CSV
  --out DIR      where the headless run writes popup.png, agreement.png, sidepanel.png and
                 counts.csv (docs/screenshots for the README)
  --fleet FILE   fleet JSON file for the local Addigy server (default: a generated demo fleet)
  --api v1|v2    the Addigy API version the headless run connects with (default v2)`;

/** Runs one named step; on failure prints which step failed and exits 1. */
export async function step<T>(name: string, action: () => Promise<T> | T): Promise<T> {
  process.stdout.write(`• ${name}\n`);
  try {
    return await action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nStep "${name}" failed: ${message}\n`);
    process.exit(1);
  }
}

function buildExtension(): void {
  const result = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`wxt build exited with ${result.status}. See the output above.`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      headless: { type: 'boolean', default: false },
      out: { type: 'string' },
      fleet: { type: 'string' },
      api: { type: 'string', default: 'v2' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.api !== 'v1' && values.api !== 'v2') {
    throw new Error(`Invalid --api "${values.api}": use v1 or v2.\n\n${USAGE}`);
  }
  if (values.headless && !values.out) throw new Error(`--headless needs --out DIR.\n\n${USAGE}`);
  const apiVersion = values.api;

  await step('Build the extension (wxt build --mode e2e)', buildExtension);
  const fleet: Fleet = await step('Load the fleet', () =>
    values.fleet ? loadFleet(values.fleet) : generateDemoFleet(1, Date.now()),
  );
  const addigy = await step('Start the local Addigy server', () => startAddigyServer({ fleet }));
  const psa = await step('Start the PSA fixture pages', () => startPsaFixtureServer({}));
  const stopServers = async () => {
    await Promise.allSettled([addigy.close(), psa.close()]);
  };

  const chromium = findChromium();
  if (!chromium) {
    printManualInstructions(addigy.url, psa.url);
    if (values.headless) {
      await stopServers();
      process.exit(1);
    }
    await waitForSignal();
    await stopServers();
    return;
  }

  if (values.headless) {
    const ok = await runHeadlessDemo({
      outDir: values.out!,
      apiVersion,
      addigyUrl: addigy.url,
      psaUrl: psa.url,
      step,
    });
    await stopServers();
    process.exit(ok ? 0 : 1);
  }
  await runInteractive(addigy.url, psa.url);
  await stopServers();
}

function printManualInstructions(addigyUrl: string, psaUrl: string): void {
  console.error(`
No Chrome or Chromium was found. Install one (Debian or Ubuntu: sudo apt-get install chromium),
or set CHROMIUM_PATH to its executable, then run npm start again.

To try the extension in a browser of your own instead:
  1. Open chrome://extensions, turn on Developer mode, click "Load unpacked" and choose
     ${E2E_EXTENSION_DIR}
  2. In the extension's options, choose API V2, API URL ${addigyUrl},
     API key ${DEMO_CREDENTIALS.apiKey}, and click Authenticate.
  3. Open the agreement page: ${psaUrl}/v4_6_release/ConnectWise.aspx
The servers keep running until you press Ctrl+C.`);
}

async function runInteractive(addigyUrl: string, psaUrl: string): Promise<void> {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('No display to open a window on. Run: npm start -- --headless --out demo-out');
  }
  const browser = await step('Start Chromium with the extension', () =>
    launchWithExtension({ headless: false }),
  );
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const agreement = await browser.context.newPage();
  await agreement.goto(`${psaUrl}/v4_6_release/ConnectWise.aspx`);
  await options.bringToFront();
  console.log(`
Chromium is open with the extension loaded.
  Connect Addigy in the options tab: API V2, API URL ${addigyUrl}, API key ${DEMO_CREDENTIALS.apiKey}
  (or API V1 with client ID ${DEMO_CREDENTIALS.clientId} and secret ${DEMO_CREDENTIALS.clientSecret}, API URL ${addigyUrl}/api).
  Map PSA products such as MDM-MAC, MDM-IOS and MDM-TOTAL, then open the agreement tab.
Close the browser or press Ctrl+C to stop.`);
  await Promise.race([browser.context.waitForEvent('close', { timeout: 0 }), waitForSignal()]);
  await browser.close().catch(() => undefined);
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
