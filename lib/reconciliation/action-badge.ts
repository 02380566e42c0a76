/**
 * The toolbar badge: the number of mapped agreements whose billed quantities differ from the
 * latest counts. No badge when every observed agreement matches or nothing was observed.
 */
import { browser } from 'wxt/browser';
import { listAccountMappings } from '../mapping/account-mapping';
import { listObservations } from '../mapping/observations';
import { loadLatestSnapshot } from '../sync/snapshot-store';
import { countOffAgreements, reconcile } from './reconcile';

/** The badge's red, which reads as "needs attention" beside the toolbar's icons. */
const BADGE_COLOR = '#b3261e';

/** Recomputes the badge from the stored snapshot, mappings and observations; returns the count. */
export async function refreshActionBadge(): Promise<number> {
  const [snapshot, mappings, observations] = await Promise.all([
    loadLatestSnapshot(),
    listAccountMappings(),
    listObservations(),
  ]);
  const off = countOffAgreements(reconcile(snapshot, mappings, observations));
  await browser.action.setBadgeText({ text: off > 0 ? String(off) : '' });
  if (off > 0) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setTitle({
    title:
      off > 0
        ? `Addigy Counts for PSA: ${off} mapped ${off === 1 ? 'agreement bills' : 'agreements bill'} a different quantity`
        : 'Addigy Counts for PSA',
  });
  return off;
}
