/**
 * Keeps count badges and the summary chip on the agreement a PSA page shows. It re-reads the page
 * after every burst of DOM changes (debounced) and on single-page navigation, asks the
 * background for the counts of the mapped lines when the company or the lines change, and
 * renders one badge per mapped, billed line plus one chip at the agreement's header. Callers
 * stop it by aborting `signal`, which also removes the badges and the chip.
 */
import type { OverlayCounts, OverlayLineCount } from '../background/overlay-counts';
import { applyQuantity } from './apply-quantity';
import { log } from '../log/logger';
import { SERVICE_LABELS } from '../mapping/services';
import { billedQuantity, isBilledLine } from '../psa/billing';
import type { AgreementLine, AgreementPage, PsaAdapter } from '../psa/types';
import { BADGE_ATTRIBUTE, removeCountBadges, renderCountBadge } from './badge';
import { compareCounts, type CountComparison } from './compare';
import { summarizeComparisons } from './line-summary';
import { createSummaryChip, SUMMARY_ATTRIBUTE, type SummaryChip } from './summary-chip';

/**
 * Asks the background for the counts of the agreement on screen and its billed product ids.
 * `quantities[i]` is the billed quantity of `productIds[i]`, summed over its billed lines.
 */
export type CountsSource = (
  page: AgreementPage,
  productIds: string[],
  quantities: number[],
) => Promise<OverlayCounts | null>;

export interface OverlayOptions {
  /** The side panel page's URL, which the summary chip's "Mappings" button opens. */
  panelPageUrl: string;
}

/** Long enough to coalesce a grid's re-render, short enough to feel immediate. */
const DEBOUNCE_MS = 150;
/** The maximum wait for a refresh while the page keeps changing. */
const MAX_WAIT_MS = 1_000;
/** Counts are asked again after this long even when the page did not change. */
const COUNTS_MAX_AGE_MS = 60_000;
/** The overlay's own nodes, whose insertion or removal must not trigger another refresh. */
const OWN_NODES = `[${BADGE_ATTRIBUTE}], [${SUMMARY_ATTRIBUTE}]`;

export function startOverlay(
  doc: Document,
  adapter: PsaAdapter,
  fetchCounts: CountsSource,
  signal: AbortSignal,
  options: OverlayOptions,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cached: { key: string; at: number; counts: OverlayCounts | null } | undefined;
  let refreshing = false;
  // A refresh requested while another runs is run after it, so a mapping change is not lost.
  let refreshAgain = false;

  const chip = createSummaryChip(doc, {
    panelPageUrl: options.panelPageUrl,
    onMappingsChanged: () => {
      cached = undefined;
      schedule();
    },
    signal,
  });

  const refresh = async () => {
    if (signal.aborted) return;
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    try {
      const page = adapter.readAgreement(doc);
      if (!page) return;
      const billed = new Map<string, number>();
      for (const line of page.lines.filter(isBilledLine)) {
        billed.set(line.productId, (billed.get(line.productId) ?? 0) + billedQuantity(line));
      }
      const productIds = [...billed.keys()];
      const quantities = [...billed.values()];
      const key = JSON.stringify([page.companyName, page.companyId, page.recordId, [...billed]]);
      if (!cached || cached.key !== key || Date.now() - cached.at > COUNTS_MAX_AGE_MS) {
        const counts = await fetchCounts(page, productIds, quantities);
        cached = { key, at: Date.now(), counts };
      }
      if (!signal.aborted) renderOverlay(doc, adapter, chip, page, cached.counts);
    } catch (error) {
      log.warn('Could not show the Addigy counts on this page.', error);
    } finally {
      refreshing = false;
      if (refreshAgain) {
        refreshAgain = false;
        schedule();
      }
    }
  };

  // The first change of a burst that is still waiting; a page that changes more often than the
  // debounce still gets a refresh every MAX_WAIT_MS.
  let burstStartedAt: number | null = null;
  let lastRefreshAt = Number.NEGATIVE_INFINITY;
  const runRefresh = () => {
    burstStartedAt = null;
    timer = undefined;
    lastRefreshAt = Date.now();
    void refresh();
  };
  // The first change after a quiet spell refreshes at once (leading edge), so badges appear as
  // soon as the grid does. The rest of a burst waits for the debounce (trailing edge), so a grid
  // that renders in steps is read again once it settles.
  const schedule = () => {
    if (timer === undefined && Date.now() - lastRefreshAt >= DEBOUNCE_MS) {
      runRefresh();
      return;
    }
    clearTimeout(timer);
    burstStartedAt ??= Date.now();
    const waited = Date.now() - burstStartedAt;
    timer = setTimeout(runRefresh, Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited)));
  };

  const observer = new MutationObserver((mutations) => {
    if (mutations.some((mutation) => !isOwnMutation(mutation))) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const view = doc.defaultView;
  view?.addEventListener('popstate', schedule, { signal });
  view?.addEventListener('hashchange', schedule, { signal });
  // Typing in a quantity field changes no DOM node, so edits are followed through their events.
  doc.addEventListener('input', schedule, { signal, capture: true });
  doc.addEventListener('change', schedule, { signal, capture: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    removeCountBadges(doc);
    chip.remove();
  });
  schedule();
}

/**
 * Renders badges for the mapped, billed lines, removes badges from every other line, and returns
 * one comparison per service. Lines mapped to the same service are compared together: their
 * billed quantities are summed, as one Addigy count may be billed over several lines.
 */
function renderBadges(
  doc: Document,
  page: AgreementPage,
  counts: OverlayCounts | null,
): CountComparison[] {
  const groups = counts ? groupByService(page, counts) : [];
  const kept = new Set<Element>();
  const details = counts ? describeBreakdown(counts) : [];
  for (const group of groups) {
    const billed = group.lines.reduce((sum, line) => sum + billedQuantity(line), 0);
    for (const line of group.lines) {
      const input = group.lines.length === 1 ? line.quantityInput : null;
      const quantity = group.count.count + line.lessIncluded;
      const host = renderCountBadge(line, {
        addigyCount: group.count.count,
        billed,
        sharedLines: group.lines.length,
        serviceLabel: SERVICE_LABELS[group.count.service],
        policyName: counts!.policyName,
        details,
        apply: input ? { quantity, run: () => applyQuantity(input, quantity) } : undefined,
      });
      kept.add(host);
    }
  }
  doc.querySelectorAll(`[${BADGE_ATTRIBUTE}]`).forEach((host) => {
    if (!kept.has(host)) host.remove();
  });
  return groups.map((group) =>
    compareCounts(
      group.count.count,
      group.lines.reduce((sum, line) => sum + billedQuantity(line), 0),
    ),
  );
}

interface ServiceGroup {
  count: OverlayLineCount;
  lines: AgreementLine[];
}

/** Groups the billed lines that have a count by the service their product id is mapped to. */
function groupByService(page: AgreementPage, counts: OverlayCounts): ServiceGroup[] {
  const byProduct = new Map(counts.lines.map((line) => [line.productId, line]));
  const groups = new Map<string, ServiceGroup>();
  for (const line of page.lines) {
    const count = byProduct.get(line.productId);
    if (!count || !isBilledLine(line)) continue;
    const group = groups.get(count.service) ?? { count, lines: [] };
    group.lines.push(line);
    groups.set(count.service, group);
  }
  return [...groups.values()];
}

/** Describes the matched policy for the tooltip: OS split, children, stale devices, age. */
function describeBreakdown(counts: OverlayCounts): string[] {
  const { breakdown } = counts;
  const split = Object.entries(breakdown.byOs)
    .filter(([, count]) => count > 0)
    .map(([os, count]) => `${os === 'other' ? 'Other' : os} ${count}`)
    .join(', ');
  const lines = [`All devices: ${breakdown.total}${split ? ` (${split})` : ''}`];
  if (breakdown.children.length > 0) {
    const children = breakdown.children.map((child) => `${child.name} ${child.total}`).join(', ');
    lines.push(`Includes child policies: ${children}`);
  }
  if (breakdown.stale > 0) {
    lines.push(`${breakdown.stale} not seen recently (stale), still counted`);
  }
  if (breakdown.mergedDuplicates > 0) {
    lines.push(
      `${breakdown.mergedDuplicates} re-enrolled duplicate records counted once (whole fleet)`,
    );
  }
  lines.push(`Counts from the sync ${describeAge(Date.now() - counts.snapshotCreatedAt)}`);
  return lines;
}

function describeAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** Renders the badges and the summary chip, which shows when the company has no counts. */
function renderOverlay(
  doc: Document,
  adapter: PsaAdapter,
  chip: SummaryChip,
  page: AgreementPage,
  counts: OverlayCounts | null,
): void {
  const comparisons = renderBadges(doc, page, counts);
  // The chip shows without counts too, because its side panel is where the company gets mapped.
  const anchor = adapter.findSummaryAnchor?.(doc);
  const summary = { ...summarizeComparisons(comparisons), unmatched: counts === null };
  if (anchor) chip.render(anchor, summary, page);
  else chip.remove();
}

/** Whether a mutation only touched the overlay's own nodes: badge hosts and the chip's host. */
function isOwnMutation(mutation: MutationRecord): boolean {
  const isOwn = (node: Node) => node instanceof Element && node.matches(OWN_NODES);
  if (mutation.type === 'childList') {
    const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
    if (nodes.length > 0 && nodes.every(isOwn)) return true;
  }
  const target =
    mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
  return target?.closest(OWN_NODES) !== null && target !== null;
}
