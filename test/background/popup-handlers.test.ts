import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../lib/background/handlers';
import type { PopupWorkspace } from '../../lib/background/popup-handlers';
import { countDevices } from '../../lib/counting/count-devices';
import { saveAccountMapping } from '../../lib/mapping/account-mapping';
import { listObservations } from '../../lib/mapping/observations';
import { saveProductMapping } from '../../lib/mapping/product-mapping';
import { MAX_PRODUCT_IDS, messageSchema } from '../../lib/messaging/messages';
import type { HandlerContext } from '../../lib/messaging/router';
import { commitSnapshot } from '../../lib/sync/run-store';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const PAGE: HandlerContext = {
  senderClass: 'content-script',
  origin: 'https://na.myconnectwise.net',
};
const POPUP: HandlerContext = { senderClass: 'extension-page', origin: 'chrome-extension://abc' };

function countsMessage(fields: Record<string, unknown>) {
  return messageSchema.parse({
    type: 'overlay/counts',
    psa: 'connectwise',
    companyName: 'Acme Dental',
    companyId: '250',
    agreementId: '77',
    productIds: ['MDM-MAC', 'HELPDESK'],
    ...fields,
  }) as Extract<ReturnType<typeof messageSchema.parse>, { type: 'overlay/counts' }>;
}

describe('overlay/counts quantities', () => {
  let badge: Mock<(details: { text: string | null }) => Promise<void>>;

  beforeEach(async () => {
    await useFreshStorage();
    badge = vi.fn(async (_details: { text: string | null }) => {});
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(badge);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue();
    await commitSnapshot(
      {
        createdAt: NOW,
        durationMs: 1,
        apiVersion: 'v2',
        fetchWarnings: [],
        counts: countDevices(
          [policy('a', 'Acme Dental'), policy('o', 'Oakridge')],
          [device({ agentId: '1', policyId: 'a', productName: 'Mac14,2' })],
          { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
        ),
      },
      5,
    );
    await saveProductMapping({ productId: 'MDM-MAC', service: 'macOS' });
  });

  async function mapAgreement() {
    await saveAccountMapping({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: null,
      agreementId: '77',
      companyName: 'Acme Dental',
      policyId: 'a',
      policyName: 'Acme Dental',
    });
  }

  it('stores an observation of a mapped page', async () => {
    await mapAgreement();
    await handlers['overlay/counts'](countsMessage({ quantities: [3, 1] }), PAGE);
    const [observation] = await listObservations();
    expect(observation?.key).toBe('connectwise|na.myconnectwise.net|agreement:77');
    expect(observation?.billed).toEqual({ macOS: 3 });
    expect(badge).toHaveBeenLastCalledWith({ text: '1' });
  });

  it('stores nothing for a page matched by name', async () => {
    await handlers['overlay/counts'](countsMessage({ quantities: [3, 1] }), PAGE);
    expect(await listObservations()).toEqual([]);
  });

  it('ignores quantities that do not pair with product ids', async () => {
    await mapAgreement();
    await handlers['overlay/counts'](countsMessage({ quantities: [3] }), PAGE);
    expect(await listObservations()).toEqual([]);
  });

  it('returns the workspace to the popup', async () => {
    await mapAgreement();
    await handlers['overlay/counts'](countsMessage({ quantities: [1, 0] }), PAGE);
    const workspace = (await handlers['popup/workspace'](
      { type: 'popup/workspace' },
      POPUP,
    )) as PopupWorkspace;
    expect(workspace.reconciliation.a?.difference).toBe(0);
    expect(workspace.reconciliation.a?.off).toBe(false);
    expect(workspace.trends).toEqual({ a: [1], o: [0] });
    expect(badge).toHaveBeenLastCalledWith({ text: '' });
  });
});

describe('overlay/counts schema', () => {
  it.each([
    ['not finite', [Number.NaN, 1]],
    ['too large', [1_000_001, 1]],
    ['too many', Array.from({ length: MAX_PRODUCT_IDS + 1 }, () => 1)],
    ['not numbers', ['3', 1]],
  ])('rejects quantities %s', (_name, quantities) => {
    const result = messageSchema.safeParse({
      type: 'overlay/counts',
      psa: 'connectwise',
      companyName: 'Acme',
      companyId: '250',
      agreementId: null,
      productIds: ['MDM-MAC', 'HELPDESK'],
      quantities,
    });
    expect(result.success).toBe(false);
  });

  it('accepts a message without quantities', () => {
    expect(countsMessage({}).quantities).toBeUndefined();
  });
});
