/**
 * Keeps count badges on the agreement a PSA page shows. It re-reads the page after every burst of
 * DOM changes (debounced) and on single-page navigation, asks the background for the counts of
 * the mapped lines when the company or the lines change, and renders one badge per mapped,
 * billed line. Callers stop it by aborting `signal`, which also removes the badges.
 */
import type { OverlayCounts } from '../background/overlay-counts';
import { log } from '../log/logger';
import { SERVICE_LABELS } from '../mapping/services';
import { billedQuantity, isBilledLine } from '../psa/billing';
import type { AgreementPage, PsaAdapter } from '../psa/types';
import { BADGE_ATTRIBUTE, removeCountBadges, renderCountBadge } from './badge';

export type CountsSource = (
  companyName: string,
  productIds: string[],
) => Promise<OverlayCounts | null>;

/** Long enough to coalesce a grid's re-render, short enough to feel immediate. */
const DEBOUNCE_MS = 150;
/** Counts are asked again after this long even when the page did not change. */
const COUNTS_MAX_AGE_MS = 60_000;

export function startOverlay(
  doc: Document,
  adapter: PsaAdapter,
  fetchCounts: CountsSource,
  signal: AbortSignal,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cached: { key: string; at: number; counts: OverlayCounts | null } | undefined;
  let refreshing = false;

  const refresh = async () => {
    if (signal.aborted || refreshing) return;
    refreshing = true;
    try {
      const page = adapter.readAgreement(doc);
      if (!page) return;
      const productIds = [
        ...new Set(page.lines.filter(isBilledLine).map((line) => line.productId)),
      ];
      const key = JSON.stringify([page.companyName, productIds]);
      if (!cached || cached.key !== key || Date.now() - cached.at > COUNTS_MAX_AGE_MS) {
        cached = { key, at: Date.now(), counts: await fetchCounts(page.companyName, productIds) };
      }
      if (!signal.aborted) renderBadges(doc, page, cached.counts);
    } catch (error) {
      log.warn('Could not show the Addigy counts on this page.', error);
    } finally {
      refreshing = false;
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
  });
  schedule();
}

/** Renders badges for the mapped, billed lines and removes badges from every other line. */
function renderBadges(doc: Document, page: AgreementPage, counts: OverlayCounts | null): void {
  const byProduct = new Map(counts?.lines.map((line) => [line.productId, line]));
  const kept = new Set<Element>();
  for (const line of page.lines) {
    const count = byProduct.get(line.productId);
    if (!counts || !count || !isBilledLine(line)) continue;
    const host = renderCountBadge(line, {
      addigyCount: count.count,
      billed: billedQuantity(line),
      serviceLabel: SERVICE_LABELS[count.service],
      policyName: counts.policyName,
    });
    kept.add(host);
  }
  doc.querySelectorAll(`[${BADGE_ATTRIBUTE}]`).forEach((host) => {
    if (!kept.has(host)) host.remove();
  });
}

/** Whether a mutation only touched the overlay's own badge hosts. */
function isOwnMutation(mutation: MutationRecord): boolean {
  const isBadge = (node: Node) => node instanceof Element && node.hasAttribute(BADGE_ATTRIBUTE);
  if (mutation.type === 'childList') {
    const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
    if (nodes.length > 0 && nodes.every(isBadge)) return true;
  }
  const target =
    mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
  return target?.closest(`[${BADGE_ATTRIBUTE}]`) !== null && target !== null;
}
