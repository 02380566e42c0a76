import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../lib/background/handlers';
import { countDevices } from '../../lib/counting/count-devices';
import { saveAccountMapping } from '../../lib/mapping/account-mapping';
import { saveObservation } from '../../lib/mapping/observations';
import type { HandlerContext } from '../../lib/messaging/router';
import { updateSettings } from '../../lib/settings/settings';
import { commitSnapshot } from '../../lib/sync/run-store';
import { device, policy } from '../helpers/devices';
import { useFreshStorage } from '../helpers/fresh-db';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const OPTIONS: HandlerContext = { senderClass: 'extension-page', origin: 'chrome-extension://abc' };
const MAPPING = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '1',
  agreementId: null,
  companyName: 'Acme',
  policyId: 'a',
  policyName: 'Acme',
};
const KEY = 'connectwise|na.myconnectwise.net|company:1';

describe('toolbar badge after a mapping change', () => {
  let text: Mock<(details: { text: string | null }) => Promise<void>>;

  beforeEach(async () => {
    await useFreshStorage();
    text = vi.fn(async (_details: { text: string | null }) => {});
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(text);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue();
    await updateSettings({ psaSites: ['https://na.myconnectwise.net'] });
    await commitSnapshot(
      {
        createdAt: NOW,
        durationMs: 1,
        apiVersion: 'v2',
        fetchWarnings: [],
        counts: countDevices(
          [policy('a', 'Acme')],
          [device({ agentId: '1', policyId: 'a', productName: 'Mac14,2' })],
          { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
        ),
      },
      5,
    );
    // The agreement bills 3 devices where Addigy counts 1.
    await saveObservation({
      key: KEY,
      psa: MAPPING.psa,
      host: MAPPING.host,
      companyName: 'Acme',
      policyId: 'a',
      billed: { total: 3 },
      observedAt: NOW,
    });
  });

  it('counts an agreement once it is mapped', async () => {
    await handlers['accountMappings/save'](
      { type: 'accountMappings/save', mapping: MAPPING },
      OPTIONS,
    );
    expect(text).toHaveBeenLastCalledWith({ text: '1' });
  });

  it('clears the badge when the mapping is deleted', async () => {
    await saveAccountMapping(MAPPING);
    await handlers['accountMappings/delete']({ type: 'accountMappings/delete', key: KEY }, OPTIONS);
    expect(text).toHaveBeenLastCalledWith({ text: '' });
  });
});
