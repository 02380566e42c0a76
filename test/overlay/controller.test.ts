// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OverlayCounts } from '../../lib/background/overlay-counts';
import { startOverlay, type CountsSource } from '../../lib/overlay/controller';
import { createConnectWiseAdapter } from '../../lib/psa/connectwise/adapter';
import { loadAgreementPage } from '../psa/connectwise/fixture-page';

const PANEL_PAGE = 'chrome-extension://0f4d3a5e-2b1c-4d7e-9a8b-6c5d4e3f2a1b/sidepanel.html';

const COUNTS: OverlayCounts = {
  matchedBy: 'name',
  breakdown: {
    total: 9,
    stale: 0,
    byOs: { macOS: 5, iOS: 4, iPadOS: 0, tvOS: 0, watchOS: 0, visionOS: 0, other: 0 },
    children: [],
    mergedDuplicates: 0,
  },
  policyName: 'Acme Dental',
  snapshotCreatedAt: 0,
  lines: [
    { productId: 'MDM-MAC', service: 'macOS', count: 12 },
    { productId: 'MDM-TOTAL', service: 'total', count: 30 },
    { productId: 'MDM-IOS', service: 'iOS', count: 4 },
  ],
};

let controller: AbortController;

beforeEach(() => {
  controller = new AbortController();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

function loadPage(): Document {
  const lines = [
    { productId: 'MDM-MAC', quantity: 12 },
    { productId: 'MDM-TOTAL', quantity: 28 },
    { productId: 'MDM-IOS', quantity: 5 },
    { productId: 'HELPDESK', quantity: 3 },
  ];
  return loadAgreementPage({ company: 'Acme Dental', lines: JSON.stringify(lines) });
}

function start(doc: Document, fetchCounts: CountsSource, adapter = createConnectWiseAdapter()) {
  startOverlay(doc, adapter, fetchCounts, controller.signal, { panelPageUrl: PANEL_PAGE });
}

describe('startOverlay', () => {
  it('sums up the badges in the chip', async () => {
    const doc = loadPage();
    start(doc, async () => COUNTS);
    await vi.waitFor(() => expect(doc.querySelector('[data-addigy-summary]')).not.toBeNull());
    const chip = doc.querySelector('[data-addigy-summary]')!;

    expect(doc.querySelectorAll('[data-addigy-badge]')).toHaveLength(3);
    expect(chip.previousElementSibling?.classList.contains('detailLabel')).toBe(true);
    expect(chip.getAttribute('data-matching')).toBe('1');
    expect(chip.getAttribute('data-off')).toBe('2');
    expect(chip.getAttribute('data-over')).toBe('1');
    expect(chip.getAttribute('data-under')).toBe('1');
    expect(chip.getAttribute('data-difference')).toBe('1');
  });

  it('shows an unmatched chip without counts', async () => {
    const doc = loadPage();
    const fetchCounts = vi.fn<CountsSource>(async () => null);
    start(doc, fetchCounts);
    await vi.waitFor(() => expect(fetchCounts).toHaveBeenCalled());
    await vi.waitFor(() => expect(doc.querySelector('[data-addigy-summary]')).not.toBeNull());

    expect(doc.querySelector('[data-addigy-summary]')?.hasAttribute('data-unmatched')).toBe(true);
    expect(doc.querySelector('[data-addigy-badge]')).toBeNull();
  });

  it('does not refresh for its own nodes', async () => {
    const doc = loadPage();
    const adapter = createConnectWiseAdapter();
    const readAgreement = vi.spyOn(adapter, 'readAgreement');
    start(doc, async () => COUNTS, adapter);
    await vi.waitFor(() => expect(doc.querySelector('[data-addigy-summary]')).not.toBeNull());
    // Longer than the debounce, so a refresh caused by the chip or the badges would have run.
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(readAgreement).toHaveBeenCalledTimes(1);
    expect(doc.querySelectorAll('[data-addigy-summary]')).toHaveLength(1);
  });

  it('refreshes at once on the first change after a quiet spell', async () => {
    const doc = loadPage();
    const adapter = createConnectWiseAdapter();
    const readAgreement = vi.spyOn(adapter, 'readAgreement');
    start(doc, async () => COUNTS, adapter);
    await vi.waitFor(() => expect(doc.querySelector('[data-addigy-summary]')).not.toBeNull());
    // Longer than the debounce, so the next change starts a new burst.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = readAgreement.mock.calls.length;

    doc.body.append(doc.createElement('div'));
    // A zero-delay timer runs long before the 150 ms debounce could end.
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(readAgreement).toHaveBeenCalledTimes(before + 1);
  });

  it('reads the page again once a burst of changes settles', async () => {
    const doc = loadPage();
    const adapter = createConnectWiseAdapter();
    const readAgreement = vi.spyOn(adapter, 'readAgreement');
    start(doc, async () => COUNTS, adapter);
    await vi.waitFor(() => expect(doc.querySelector('[data-addigy-summary]')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = readAgreement.mock.calls.length;

    doc.body.append(doc.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    doc.body.append(doc.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    doc.body.append(doc.createElement('div'));

    // The first change refreshes at once; the other two share one refresh after the debounce.
    await vi.waitFor(() => expect(readAgreement).toHaveBeenCalledTimes(before + 2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readAgreement).toHaveBeenCalledTimes(before + 2);
  });

  it('removes the chip and badges on abort', async () => {
    const doc = loadPage();
    start(doc, async () => COUNTS);
    await vi.waitFor(() => expect(doc.querySelector('[data-addigy-summary]')).not.toBeNull());
    controller.abort();

    expect(doc.querySelector('[data-addigy-summary]')).toBeNull();
    expect(doc.querySelector('[data-addigy-badge]')).toBeNull();
  });
});

describe('startOverlay quantities', () => {
  it('sends the billed quantity of each product id', async () => {
    const lines = [
      { productId: 'MDM-MAC', quantity: 12, lessIncluded: 2 },
      { productId: 'MDM-MAC', quantity: 3 },
      { productId: 'MDM-IOS', quantity: 5, cancelled: '12/31/2024' },
      { productId: 'HELPDESK', quantity: 3 },
    ];
    const doc = loadAgreementPage({ company: 'Acme Dental', lines: JSON.stringify(lines) });
    const fetchCounts = vi.fn<CountsSource>(async () => null);
    start(doc, fetchCounts);
    await vi.waitFor(() => expect(fetchCounts).toHaveBeenCalled());
    const [, productIds, quantities] = fetchCounts.mock.calls[0]!;
    expect(productIds).toEqual(['MDM-MAC', 'HELPDESK']);
    expect(quantities).toEqual([13, 3]);
  });
});
