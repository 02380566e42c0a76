import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageSchema, type Message } from '../../lib/messaging/messages';
import { handleMessage, type Handlers } from '../../lib/messaging/router';
import { classifySender, type SenderInfo } from '../../lib/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const popup: SenderInfo = {
  id: ID,
  url: `chrome-extension://${ID}/popup.html`,
  origin: `chrome-extension://${ID}`,
};
const optionsTab: SenderInfo = {
  ...popup,
  url: `chrome-extension://${ID}/options.html`,
  tab: { id: 3 },
};
const contentScript: SenderInfo = {
  id: ID,
  url: 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx',
  origin: 'https://na.myconnectwise.net',
  tab: { id: 7 },
  frameId: 0,
};
const otherExtension: SenderInfo = {
  id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
  url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html',
};
const noTab: SenderInfo = { id: ID, url: 'https://evil.example/', origin: 'https://evil.example' };
const psaSubFrame: SenderInfo = {
  ...contentScript,
  url: 'https://na.myconnectwise.net/v4_6_release/services/system_io/agreement.aspx',
  frameId: 4,
};
const foreignSubFrame: SenderInfo = {
  id: ID,
  url: 'https://ads.example/frame.html',
  origin: 'https://ads.example',
  tab: { id: 7 },
  frameId: 5,
};
const otherSite: SenderInfo = {
  id: ID,
  url: 'https://evil.example/',
  origin: 'https://evil.example',
  tab: { id: 9 },
  frameId: 0,
};
const selfHosted: SenderInfo = {
  id: ID,
  url: 'https://psa.example.com:8443/v2025_1/ConnectWise.aspx',
  origin: 'https://psa.example.com:8443',
  tab: { id: 2 },
  frameId: 0,
};
const sidePanel: SenderInfo = {
  id: ID,
  url: `chrome-extension://${ID}/sidepanel.html#company=Acme%20Dental`,
  origin: `chrome-extension://${ID}`,
  tab: { id: 7, url: contentScript.url },
  frameId: 6,
};
const sidePanelOnOtherSite: SenderInfo = {
  ...sidePanel,
  tab: { id: 9, url: 'https://evil.example/' },
};
const sidePanelWithoutTabUrl: SenderInfo = { ...sidePanel, tab: { id: 7 } };
const sidePanelInOwnTab: SenderInfo = {
  ...sidePanel,
  tab: { id: 4, url: `chrome-extension://${ID}/sidepanel.html` },
  frameId: 0,
};
const popupInSubFrame: SenderInfo = { ...sidePanel, url: `chrome-extension://${ID}/popup.html` };
const psaPageNamedSidePanel: SenderInfo = {
  ...contentScript,
  url: 'https://na.myconnectwise.net/sidepanel.html',
};
const policy = {
  extensionId: ID,
  psaPatterns: ['https://*.myconnectwise.net/*', 'https://psa.example.com/*'],
};

function recordingHandlers(): Handlers & { calls: string[] } {
  const calls: string[] = [];
  const handler = async (message: Message) => {
    calls.push(message.type);
    return `handled ${message.type}`;
  };
  const types = messageSchema.options.map((option) => option.shape.type.value);
  return { calls, ...Object.fromEntries(types.map((type) => [type, handler])) } as Handlers & {
    calls: string[];
  };
}

const credentials = { apiVersion: 'v2', apiUrl: 'https://api.addigy.com', apiKey: 'k' };
const overlay = {
  type: 'overlay/counts',
  psa: 'connectwise',
  companyName: 'Acme',
  companyId: '250',
  agreementId: null,
  productIds: ['MDM-MAC'],
};
const mapping = { productId: 'MDM-MAC', service: 'macOS' };

describe('classifySender', () => {
  it.each([
    ['popup', popup, 'extension-page'],
    ['options page in a tab', optionsTab, 'extension-page'],
    ['content script', contentScript, 'content-script'],
    ['another extension', otherExtension, 'unknown'],
    ['own id without a tab', noTab, 'unknown'],
    ['no id at all', { url: popup.url }, 'unknown'],
    ['PSA sub-frame', psaSubFrame, 'content-script'],
    ['foreign sub-frame in a PSA tab', foreignSubFrame, 'unknown'],
    ['tab on a site never added', otherSite, 'unknown'],
    ['self-hosted PSA on another port', selfHosted, 'content-script'],
    ['URL only, no origin', { id: ID, url: contentScript.url, tab: { id: 1 } }, 'content-script'],
    ['side panel on a PSA page', sidePanel, 'side-panel'],
    ['side panel on a site never added', sidePanelOnOtherSite, 'unknown'],
    ['side panel without the tab URL', sidePanelWithoutTabUrl, 'unknown'],
    ['side panel in a tab of its own', sidePanelInOwnTab, 'unknown'],
    ['popup in a sub-frame', popupInSubFrame, 'unknown'],
    ['PSA page at /sidepanel.html', psaPageNamedSidePanel, 'content-script'],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender, ID, policy.psaPatterns)).toBe(expected);
  });
});

describe('handleMessage', () => {
  let handlers: ReturnType<typeof recordingHandlers>;
  beforeEach(() => {
    handlers = recordingHandlers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it.each([
    ['popup starts a sync', { type: 'sync/start' }, popup],
    ['options authenticates', { type: 'credentials/authenticate', credentials }, optionsTab],
    ['content script asks for counts', overlay, contentScript],
    ['side panel lists policies', { type: 'panel/policies' }, sidePanel],
    ['side panel lists mappings', { type: 'mappings/list' }, sidePanel],
    ['side panel saves a mapping', { type: 'mappings/save', mapping }, sidePanel],
    ['side panel deletes a mapping', { type: 'mappings/delete', productId: 'MDM-MAC' }, sidePanel],
  ])('accepts: %s', async (_name, message, sender) => {
    const reply = await handleMessage(message, sender, policy, handlers);
    expect(reply).toEqual({ ok: true, data: `handled ${message.type}` });
    expect(handlers.calls).toEqual([message.type]);
  });

  it.each([
    ['content script asks for state', { type: 'state/get' }, contentScript],
    [
      'content script sends credentials',
      { type: 'credentials/authenticate', credentials },
      contentScript,
    ],
    ['content script changes settings', { type: 'settings/update', changes: {} }, contentScript],
    ['content script starts a sync', { type: 'sync/start' }, contentScript],
    ['content script forgets credentials', { type: 'credentials/forget' }, contentScript],
    ['another extension asks for counts', overlay, otherExtension],
    ['another extension asks for state', { type: 'state/get' }, otherExtension],
    ['a sender with no tab', overlay, noTab],
    ['a foreign sub-frame', overlay, foreignSubFrame],
    ['a site never added', overlay, otherSite],
    [
      'content script adds a PSA site',
      { type: 'psaSites/add', origin: 'https://evil.example' },
      contentScript,
    ],
    ['content script asks for mappings', { type: 'mappings/list' }, contentScript],
    [
      'content script unlocks the vault',
      { type: 'vault/unlock', passphrase: 'guess' },
      contentScript,
    ],
    ['content script forgets the passphrase', { type: 'vault/forgetPassphrase' }, contentScript],
    ['content script lists policies', { type: 'panel/policies' }, contentScript],
    ['content script saves a mapping', { type: 'mappings/save', mapping }, contentScript],
    ['side panel asks for state', { type: 'state/get' }, sidePanel],
    ['side panel starts a sync', { type: 'sync/start' }, sidePanel],
    ['side panel sends credentials', { type: 'credentials/authenticate', credentials }, sidePanel],
    ['side panel forgets credentials', { type: 'credentials/forget' }, sidePanel],
    ['side panel changes settings', { type: 'settings/update', changes: {} }, sidePanel],
    ['side panel unlocks the vault', { type: 'vault/unlock', passphrase: 'guess' }, sidePanel],
    ['side panel locks the vault', { type: 'vault/lock' }, sidePanel],
    [
      'side panel adds a PSA site',
      { type: 'psaSites/add', origin: 'https://evil.example' },
      sidePanel,
    ],
    ['side panel asks for counts', overlay, sidePanel],
    ['side panel on another site lists policies', { type: 'panel/policies' }, sidePanelOnOtherSite],
    ['popup in a sub-frame asks for state', { type: 'state/get' }, popupInSubFrame],
    ['an oversized passphrase', { type: 'vault/unlock', passphrase: 'x'.repeat(1025) }, popup],
    [
      'an auto-lock of 0 minutes',
      { type: 'vault/enablePassphrase', passphrase: 'long enough', autoLockMinutes: 0 },
      popup,
    ],
    ['an unknown type', { type: 'fetch', url: 'https://evil.example' }, popup],
    ['no type', { companyName: 'Acme' }, popup],
    ['a string', 'state/get', popup],
    ['null', null, popup],
    ['an oversized company name', { ...overlay, companyName: 'x'.repeat(201) }, contentScript],
    [
      'too many product ids',
      { ...overlay, productIds: Array.from({ length: 201 }, (_, i) => `P${i}`) },
      contentScript,
    ],
    ['an oversized product id', { ...overlay, productIds: ['x'.repeat(101)] }, contentScript],
    [
      'credentials with a bad URL',
      {
        type: 'credentials/authenticate',
        credentials: { ...credentials, apiUrl: 'javascript:alert(1)' },
      },
      popup,
    ],
    [
      'an interval under 30 minutes',
      { type: 'settings/update', changes: { syncIntervalMinutes: 1 } },
      popup,
    ],
  ])('rejects: %s', async (_name, message, sender) => {
    expect(await handleMessage(message, sender, policy, handlers)).toBeUndefined();
    expect(handlers.calls).toEqual([]);
  });

  it('returns a handler error as a reply', async () => {
    handlers['sync/start'] = async () => {
      throw new Error('Addigy is not connected.');
    };
    expect(await handleMessage({ type: 'sync/start' }, popup, policy, handlers)).toEqual({
      ok: false,
      error: 'Addigy is not connected.',
    });
  });
});
