/**
 * Chromium with the e2e build of the extension, prepared for the popup and overlay benchmarks:
 * connected to a local Addigy server that serves a fleet of client policies, synced once through
 * the product's real sync, and given product mappings. Everything is set up through the same
 * runtime messages the options page sends, so that the benchmarks do not depend on the options
 * page's markup.
 */
import { DEMO_CREDENTIALS, startAddigyServer, type AddigyServer } from '../addigy-server/server';
import { launchWithExtension, type ExtensionBrowser } from '../browser/launch';
import { generateClientPolicyFleet } from './popup-fleet';

/** Product ids the benchmark pages bill, with the service each is mapped to. */
export const BENCH_PRODUCT_MAPPINGS = [
  { productId: 'MDM-MAC', service: 'macOS' },
  { productId: 'MDM-IOS', service: 'iOS' },
  { productId: 'MDM-TOTAL', service: 'total' },
] as const;

/** Bounds the wait for the first sync; the fleet is small and the server has no latency. */
const SYNC_TIMEOUT_MS = 180_000;
const DEVICES_PER_POLICY = 5;

/** The part of the extension page's `chrome` global that the setup uses. */
interface ChromeGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

type Reply = { ok: true; data: unknown } | { ok: false; error: string };

export interface BenchBrowser {
  extension: ExtensionBrowser;
  /** Connects to a new Addigy server with `policyCount` client policies, syncs and maps. */
  seed(policyCount: number): Promise<void>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const extension = await launchWithExtension({ headless: true });
  let addigy: AddigyServer | undefined;
  return {
    extension,
    async seed(policyCount) {
      const fleet = generateClientPolicyFleet(policyCount, DEVICES_PER_POLICY, Date.now());
      addigy = await startAddigyServer({ fleet });
      await seedThroughMessages(extension, addigy.url);
    },
    async close() {
      await extension.close();
      await addigy?.close();
    },
  };
}

async function seedThroughMessages(extension: ExtensionBrowser, apiUrl: string): Promise<void> {
  const page = await extension.context.newPage();
  try {
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    const send = async (message: unknown) => {
      const reply = (await page.evaluate(
        (value) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(value),
        message,
      )) as Reply;
      if (!reply.ok)
        throw new Error(`The extension rejected a benchmark setup message: ${reply.error}`);
      return reply.data;
    };
    const credentials = { apiVersion: 'v2', apiUrl, apiKey: DEMO_CREDENTIALS.apiKey };
    // Authenticating starts the first sync, as it does from the options page.
    await send({ type: 'credentials/authenticate', credentials });
    for (const mapping of BENCH_PRODUCT_MAPPINGS) await send({ type: 'mappings/save', mapping });
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    for (;;) {
      const state = (await send({ type: 'state/get' })) as {
        status: { state: string; error: string | null };
        snapshot: unknown;
      };
      if (state.status.state === 'failed') {
        throw new Error(`The benchmark's seeding sync failed: ${state.status.error}`);
      }
      if (state.status.state === 'idle' && state.snapshot !== null) return;
      if (Date.now() > deadline) {
        throw new Error(
          `The benchmark's seeding sync did not finish within ${SYNC_TIMEOUT_MS / 1000} s.`,
        );
      }
      await page.waitForTimeout(500);
    }
  } finally {
    await page.close();
  }
}
