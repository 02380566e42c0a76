/**
 * The count badge: the Addigy count shown in a PSA line's quantity cell, coloured by whether it
 * matches the billed quantity. The badge sits in a closed shadow root, so the PSA's styles and
 * scripts cannot reach into it. Its host element carries the comparison as attributes
 * (`data-addigy-badge`, `data-status`, `data-count`, `data-billed`), which end-to-end tests read
 * and which the overlay's MutationObserver uses to ignore its own nodes.
 *
 * Every string is set with textContent or setAttribute, never parsed as HTML, because policy
 * names and PSA text are not under the extension's control.
 */
import type { AgreementLine } from '../psa/types';
import { BADGE_CSS } from './badge-style';
import { compareCounts, type CountComparison } from './compare';

/** The attribute that marks a badge host, for `querySelectorAll('[data-addigy-badge]')`. */
export const BADGE_ATTRIBUTE = 'data-addigy-badge';

/** A custom tag name, so that page styles aimed at spans or divs do not match the host. */
// A random suffix per page load, so that a page cannot define this element first and break or
// imitate the badge's host.
const HOST_TAG = `addigy-count-badge-${crypto.randomUUID().slice(0, 8)}`;

export interface BadgeView {
  addigyCount: number;
  /**
   * The billed quantity (quantity less included units) of every billed line mapped to the same
   * service, because their quantities are summed before comparing.
   */
  billed: number;
  /** How many lines share the service; 1 when this line bills it alone. */
  sharedLines?: number;
  /** The vendor service the line is mapped to, such as "macOS devices". */
  serviceLabel: string;
  policyName: string;
  /** More lines for the tooltip: OS breakdown, child policies, stale devices, snapshot age. */
  details?: string[];
  /** Fills the line's quantity field with the Addigy count; present only while editing. */
  apply?: { quantity: number; run: () => void };
}

// A closed root is not reachable through `host.shadowRoot`, so the badge keeps its own references.
const badgeRoots = new WeakMap<Element, ShadowRoot>();
// The view each host shows, so that a refresh with nothing new leaves the badge untouched.
const renderedViews = new WeakMap<Element, string>();

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function describeStatus({ status, difference }: CountComparison): string {
  const amount = numberFormat.format(Math.abs(difference));
  if (status === 'over') return `+${amount} over`;
  if (status === 'under') return `${amount} under`;
  return 'matches';
}

function describeTooltip(view: BadgeView, { status, difference }: CountComparison): string {
  const amount = numberFormat.format(Math.abs(difference));
  const outcome = {
    match: 'The counts match.',
    over: `Addigy has ${amount} more.`,
    under: `Addigy has ${amount} fewer.`,
  }[status];
  const shared = view.sharedLines ?? 1;
  const billedOn =
    shared > 1 ? `Billed on the ${shared} lines for this service` : 'Billed on this line';
  return [
    `Addigy policy "${view.policyName}", ${view.serviceLabel}: ${numberFormat.format(view.addigyCount)}`,
    `${billedOn}: ${numberFormat.format(view.billed)}. ${outcome}`,
    ...(view.details ?? []),
  ].join('\n');
}

function createSpan(doc: Document, className: string, text: string): HTMLSpanElement {
  const span = doc.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

function buildBadge(doc: Document, view: BadgeView, comparison: CountComparison): HTMLElement {
  const badge = doc.createElement('span');
  badge.className = `badge ${comparison.status}`;
  badge.title = describeTooltip(view, comparison);
  badge.append(
    createSpan(doc, 'source', 'Addigy'),
    createSpan(doc, 'count', numberFormat.format(view.addigyCount)),
    createSpan(doc, 'status', describeStatus(comparison)),
  );
  if (view.apply && comparison.status !== 'match') {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'apply';
    button.textContent = 'Apply';
    const quantity = numberFormat.format(view.apply.quantity);
    button.title = `Set this line's quantity to ${quantity}. Save the agreement in the PSA to keep it.`;
    button.setAttribute('aria-label', `Set the quantity to ${quantity}`);
    button.addEventListener('click', view.apply.run);
    badge.append(button);
  }
  return badge;
}

/**
 * Returns this module's badge host in the cell, creating it when there is none. A host without a
 * known root, left by an earlier copy of the content script, is replaced.
 */
function ensureHost(cell: HTMLElement): { host: HTMLElement; root: ShadowRoot } {
  for (const child of Array.from(cell.children)) {
    if (!child.hasAttribute(BADGE_ATTRIBUTE)) continue;
    const root = badgeRoots.get(child);
    if (root) return { host: child as HTMLElement, root };
    child.remove();
  }
  const host = cell.ownerDocument.createElement(HOST_TAG);
  host.setAttribute(BADGE_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'closed' });
  badgeRoots.set(host, root);
  cell.append(host);
  return { host, root };
}

/**
 * Shows the count badge in the line's quantity cell, or updates the one already there, and
 * returns its host element. Calling it again with the same line never adds a second badge.
 */
export function renderCountBadge(line: AgreementLine, view: BadgeView): HTMLElement {
  const comparison = compareCounts(view.addigyCount, view.billed);
  const { host, root } = ensureHost(line.quantityCell);
  host.setAttribute('data-status', comparison.status);
  host.setAttribute('data-count', String(view.addigyCount));
  host.setAttribute('data-billed', String(view.billed));
  host.setAttribute('data-shared-lines', String(view.sharedLines ?? 1));
  host.toggleAttribute('data-can-apply', Boolean(view.apply) && comparison.status !== 'match');

  const shown = JSON.stringify({ ...view, apply: view.apply?.quantity ?? null });
  if (renderedViews.get(host) === shown) return host;
  renderedViews.set(host, shown);
  const style = host.ownerDocument.createElement('style');
  style.textContent = BADGE_CSS;
  root.replaceChildren(style, buildBadge(host.ownerDocument, view, comparison));
  return host;
}

/** Removes every count badge under `parent`, such as on teardown, and returns how many. */
export function removeCountBadges(parent: ParentNode): number {
  const hosts = parent.querySelectorAll(`[${BADGE_ATTRIBUTE}]`);
  hosts.forEach((host) => host.remove());
  return hosts.length;
}
