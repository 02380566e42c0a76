/**
 * Keeps count badges and the summary chip on the agreement a PSA page shows. It re-reads the page
 * after every burst of DOM changes (debounced) and on single-page navigation, asks the
 * background for the counts of the mapped lines when the company or the lines change, and
 * renders one badge per mapped, billed line plus one chip at the agreement's header. Callers
 * stop it by aborting `signal`, which also removes the badges and the chip.
 */
import type { OverlayCounts } from '../background/overlay-counts';
import { log } from '../log/logger';
import { SERVICE_LABELS } from '../mapping/services';
import { billedQuantity, isBilledLine } from '../psa/billing';
import type { AgreementPage, PsaAdapter } from '../psa/types';
import { BADGE_ATTRIBUTE, removeCountBadges, renderCountBadge } from './badge';
import { compareCounts, type CountComparison } from './compare';
import { summarizeComparisons } from './line-summary';
import { createSummaryChip, SUMMARY_ATTRIBUTE, type SummaryChip } from './summary-chip';

/** Asks the background for the counts of the agreement on screen and its billed product ids. */
export type CountsSource = (
  page: AgreementPage,
  productIds: string[],
) => Promise<OverlayCounts | null>;

export interface OverlayOptions {
  /** The side panel page's URL, which the summary chip's "Mappings" button opens. */
  panelPageUrl: string;
}

/** Long enough to coalesce a grid's re-render, short enough to feel immediate. */
const DEBOUNCE_MS = 150;
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
      const productIds = [
        ...new Set(page.lines.filter(isBilledLine).map((line) => line.productId)),
      ];
      const key = JSON.stringify([page.companyName, page.companyId, page.recordId, productIds]);
      if (!cached || cached.key !== key || Date.now() - cached.at > COUNTS_MAX_AGE_MS) {
        cached = { key, at: Date.now(), counts: await fetchCounts(page, productIds) };
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

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
  };

  const observer = new MutationObserver((mutations) => {
    if (mutations.some((mutation) => !isOwnMutation(mutation))) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  const view = doc.defaultView;
  view?.addEventListener('popstate', schedule, { signal });
  view?.addEventListener('hashchange', schedule, { signal });
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
 * the comparison of each badge.
 */
function renderBadges(
  doc: Document,
  page: AgreementPage,
  counts: OverlayCounts | null,
): CountComparison[] {
  const byProduct = new Map(counts?.lines.map((line) => [line.productId, line]));
  const kept = new Set<Element>();
  const comparisons: CountComparison[] = [];
  for (const line of page.lines) {
    const count = byProduct.get(line.productId);
    if (!counts || !count || !isBilledLine(line)) continue;
    const billed = billedQuantity(line);
    const host = renderCountBadge(line, {
      addigyCount: count.count,
      billed,
      serviceLabel: SERVICE_LABELS[count.service],
      policyName: counts.policyName,
    });
    kept.add(host);
    comparisons.push(compareCounts(count.count, billed));
  }
  doc.querySelectorAll(`[${BADGE_ATTRIBUTE}]`).forEach((host) => {
    if (!kept.has(host)) host.remove();
  });
  return comparisons;
}

/**
 * Renders the badges, and the summary chip while the company has counts. The chip is removed
 * when the company has none, such as when no account policy has its name.
 */
function renderOverlay(
  doc: Document,
  adapter: PsaAdapter,
  chip: SummaryChip,
  page: AgreementPage,
  counts: OverlayCounts | null,
): void {
  const comparisons = renderBadges(doc, page, counts);
  const anchor = counts ? adapter.findSummaryAnchor?.(doc) : null;
  if (anchor) chip.render(anchor, summarizeComparisons(comparisons), page.companyName);
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
