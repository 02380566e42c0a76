/**
 * The popup benchmark: how long popup.html takes, from navigation start, to show a snapshot of
 * many client policies, against the same page with no snapshot. Both are timed inside the page by
 * an init script (`popup-probe.ts`) and are the median of several loads in one browser.
 *
 * The popup with data is timed through the test id `policy-row` only, and the empty page by when
 * its DOM stops changing, so that a rewrite of its markup does not break this.
 *
 * NOTE: an empty popup whose DOM never stays unchanged for `QUIET_MS`, such as one with an
 * animated placeholder that changes nodes, would time out here.
 */
import type { Page } from '@playwright/test';
import { ROWS_PER_STEP } from '../../components/PolicyTable';
import { launchBenchBrowser } from './extension-browser';
import { formatMilliseconds, formatRatio, median, type BenchmarkResult } from './figures';
import { POPUP_PROBE_SCRIPT, type PopupProbe } from './popup-probe';

export interface PopupBenchOptions {
  policyCount: number;
  runs: number;
}

const MAX_RATIO = 2;
/** The page counts as settled after this long without a DOM change. */
const QUIET_MS = 1_000;
const LOAD_TIMEOUT_MS = 60_000;

/** Loads popup.html once and returns what the probe recorded once the page was quiet. */
async function loadPopup(page: Page, url: string, expectRows: boolean): Promise<PopupProbe> {
  await page.goto(url);
  await page.waitForFunction(
    ({ quietMs, expectRows: rows }) => {
      const probe = (window as unknown as { benchPopupProbe?: PopupProbe }).benchPopupProbe;
      if (!probe?.lastChangeFrameAt) return false;
      if (rows && probe.firstRowFrameAt === null) return false;
      return performance.now() - probe.lastChangeFrameAt > quietMs;
    },
    { quietMs: QUIET_MS, expectRows },
    { timeout: LOAD_TIMEOUT_MS, polling: 100 },
  );
  return page.evaluate(
    () => (window as unknown as { benchPopupProbe: PopupProbe }).benchPopupProbe,
  );
}

/** Loads the popup `runs` times after one warm-up load and returns each load's probe. */
async function loadRepeatedly(
  pageFactory: () => Promise<Page>,
  url: string,
  runs: number,
  expectRows: boolean,
): Promise<PopupProbe[]> {
  const probes: PopupProbe[] = [];
  for (let run = 0; run <= runs; run++) {
    const page = await pageFactory();
    await page.addInitScript(POPUP_PROBE_SCRIPT);
    const probe = await loadPopup(page, url, expectRows);
    await page.close();
    if (run > 0) probes.push(probe);
  }
  return probes;
}

export async function runPopupBenchmark(options: PopupBenchOptions): Promise<BenchmarkResult> {
  const browser = await launchBenchBrowser();
  try {
    const { context, extensionId } = browser.extension;
    const url = `chrome-extension://${extensionId}/popup.html`;
    const newPage = () => context.newPage();
    process.stderr.write(`Popup: ${options.runs} loads without a snapshot...\n`);
    const empty = await loadRepeatedly(newPage, url, options.runs, false);
    process.stderr.write(`Popup: syncing ${options.policyCount} client policies...\n`);
    await browser.seed(options.policyCount);
    process.stderr.write(`Popup: ${options.runs} loads with the snapshot...\n`);
    const full = await loadRepeatedly(newPage, url, options.runs, true);

    const emptyMs = median(empty.map((probe) => probe.lastChangeFrameAt!));
    const rowsMs = median(full.map((probe) => probe.firstRowFrameAt!));
    const insertedMs = median(full.map((probe) => probe.firstRowInsertedAt!));
    const emptyDomMs = median(empty.map((probe) => probe.lastChangeAt!));
    const rowCounts = full.map((probe) => probe.rowCount);
    const ratio = rowsMs / emptyMs;
    return {
      title: 'Popup',
      method: [
        `Chromium (headless) loads popup.html of the e2e build (\`npx wxt build --mode e2e\`) in a tab, ${options.runs} times per case after one warm-up load, and the median counts.`,
        'An init script records, from navigation start, the frame after each DOM change: it observes the document with a MutationObserver, then waits for `requestAnimationFrame` and one more task, so style, layout and paint of that change are included.',
        'With data: the frame after the first `[data-testid="policy-row"]` appears.',
        'The rows marked "before layout" give the same moments without the frame, when the MutationObserver saw the change.',
        `Empty (before any credentials or snapshot): the frame after the last DOM change before the page stays unchanged for ${QUIET_MS.toLocaleString('en-US')} ms.`,
        `The popup renders the first ${ROWS_PER_STEP} client rows and more as the user scrolls, while search, sort and filter cover every client, so "policy rows in the first render" is that step and has no target.`,
        `The snapshot comes from the product's real sync against the local Addigy server (${options.policyCount.toLocaleString('en-US')} root policies, 5 devices each), started by the \`credentials/authenticate\` message that the options page sends.`,
      ].join(' '),
      figures: [
        { name: 'Empty popup, first render (median)', value: formatMilliseconds(emptyMs) },
        {
          name: `Popup with ${options.policyCount.toLocaleString('en-US')} policies, first row (median)`,
          value: formatMilliseconds(rowsMs),
        },
        {
          name: 'Empty popup, last DOM change before layout (median)',
          value: formatMilliseconds(emptyDomMs),
        },
        {
          name: 'With data, first row in the DOM before layout (median)',
          value: formatMilliseconds(insertedMs),
        },
        {
          name: 'With data / empty, DOM changes only',
          value: formatRatio(insertedMs / emptyDomMs),
        },
        {
          name: 'Policy rows in the first render, per load',
          value: [...new Set(rowCounts)].map((count) => count.toLocaleString('en-US')).join(', '),
        },
        {
          name: 'With data / empty',
          value: formatRatio(ratio),
          target: `≤ ${MAX_RATIO}×`,
          passed: ratio <= MAX_RATIO,
        },
      ],
    };
  } finally {
    await browser.close();
  }
}
