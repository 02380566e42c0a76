import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageSchema, type Message } from '../../lib/messaging/messages';
import { handleMessage, type HandlerContext, type Handlers } from '../../lib/messaging/router';
import type { SenderInfo } from '../../lib/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PSA_PAGE = 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx';
const SENDERS: Record<string, SenderInfo> = {
  popup: { id: ID, url: `chrome-extension://${ID}/popup.html`, origin: `chrome-extension://${ID}` },
  'options page': {
    id: ID,
    url: `chrome-extension://${ID}/options.html`,
    origin: `chrome-extension://${ID}`,
    tab: { id: 3 },
  },
  'side panel': {
    id: ID,
    url: `chrome-extension://${ID}/sidepanel.html#company=Acme`,
    origin: `chrome-extension://${ID}`,
    tab: { id: 7, url: PSA_PAGE },
    frameId: 6,
  },
  'content script': {
    id: ID,
    url: PSA_PAGE,
    origin: 'https://na.myconnectwise.net',
    tab: { id: 7 },
    frameId: 0,
  },
  'unknown sender': { id: ID, url: 'https://evil.example/', origin: 'https://evil.example' },
};
const POLICY = { extensionId: ID, psaPatterns: ['https://*.myconnectwise.net/*'] };

const RECORD = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: null,
};
const MAPPING = { ...RECORD, companyName: 'Acme', policyId: 'p-acme', policyName: 'Acme Dental' };
const MESSAGES: Record<string, object> = {
  'accountMappings/forRecord': { type: 'accountMappings/forRecord', ...RECORD },
  'accountMappings/mappedPolicies': {
    type: 'accountMappings/mappedPolicies',
    psa: 'connectwise',
    host: 'na.myconnectwise.net',
  },
  'accountMappings/save': { type: 'accountMappings/save', mapping: MAPPING },
  'accountMappings/delete': {
    type: 'accountMappings/delete',
    key: 'connectwise|na.myconnectwise.net|company:250',
  },
  'accountMappings/list': { type: 'accountMappings/list' },
  'mappings/export': { type: 'mappings/export' },
  'mappings/import': { type: 'mappings/import', file: { format: 'anything' } },
};

/** Which sender classes may send each message: E extension page, S side panel. */
const ALLOWED: Record<string, string> = {
  'accountMappings/forRecord': 'S',
  'accountMappings/mappedPolicies': 'S',
  'accountMappings/save': 'S',
  'accountMappings/delete': 'ES',
  'accountMappings/list': 'E',
  'mappings/export': 'E',
  'mappings/import': 'E',
};
const SENDER_LETTERS: Record<string, string> = {
  popup: 'E',
  'options page': 'E',
  'side panel': 'S',
  'content script': 'C',
  'unknown sender': 'U',
};

function recordingHandlers(): Handlers & { calls: string[] } {
  const calls: string[] = [];
  const handler = async (message: Message) => {
    calls.push(message.type);
    return 'handled';
  };
  const types = messageSchema.options.map((option) => option.shape.type.value);
  return { calls, ...Object.fromEntries(types.map((type) => [type, handler])) } as Handlers & {
    calls: string[];
  };
}

const CASES = Object.keys(MESSAGES).flatMap((type) =>
  Object.keys(SENDERS).map((sender) => {
    const allowed = ALLOWED[type]!.includes(SENDER_LETTERS[sender]!);
    return [type, sender, allowed] as const;
  }),
);

describe('account mapping messages', () => {
  let handlers: ReturnType<typeof recordingHandlers>;
  beforeEach(() => {
    handlers = recordingHandlers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it.each(CASES)('%s from %s: allowed %s', async (type, sender, allowed) => {
    const reply = await handleMessage(MESSAGES[type], SENDERS[sender]!, POLICY, handlers);

    expect(reply).toEqual(allowed ? { ok: true, data: 'handled' } : undefined);
    expect(handlers.calls).toEqual(allowed ? [type] : []);
  });

  it.each([
    ['a record without a PSA', { ...MESSAGES['accountMappings/forRecord'], psa: '' }],
    ['an overlong host', { ...MESSAGES['accountMappings/forRecord'], host: 'h'.repeat(254) }],
    [
      'an overlong company id',
      { ...MESSAGES['accountMappings/forRecord'], companyId: '1'.repeat(101) },
    ],
    [
      'a mapping without ids',
      { type: 'accountMappings/save', mapping: { ...MAPPING, companyId: null } },
    ],
    [
      'a mapping without a policy',
      { type: 'accountMappings/save', mapping: { ...MAPPING, policyId: '' } },
    ],
    ['an empty key', { type: 'accountMappings/delete', key: '' }],
    ['an overlong key', { type: 'accountMappings/delete', key: 'k'.repeat(501) }],
  ])('side panel message with %s is dropped', async (_name, message) => {
    expect(await handleMessage(message, SENDERS['side panel']!, POLICY, handlers)).toBeUndefined();
    expect(handlers.calls).toEqual([]);
  });
});

describe('side panel tab host', () => {
  it.each([
    ['https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx', 'na.myconnectwise.net'],
    ['https://NA.MyConnectWise.net:8443/x#y', 'na.myconnectwise.net'],
    ['https://eu.myconnectwise.net/', 'eu.myconnectwise.net'],
  ])('tab %s gives handlers host %s', async (tabUrl, host) => {
    let context: HandlerContext | undefined;
    const handlers = recordingHandlers();
    handlers['accountMappings/forRecord'] = async (_message, received) => {
      context = received;
      return null;
    };
    const sender = { ...SENDERS['side panel']!, tab: { id: 7, url: tabUrl } };

    await handleMessage(MESSAGES['accountMappings/forRecord'], sender, POLICY, handlers);

    expect(context).toEqual({
      senderClass: 'side-panel',
      origin: `chrome-extension://${ID}`,
      tabHost: host,
    });
  });

  it('content script context has its tab host', async () => {
    let context: HandlerContext | undefined;
    const handlers = recordingHandlers();
    handlers['overlay/counts'] = async (_message, received) => {
      context = received;
      return null;
    };
    const sender = { ...SENDERS['content script']!, tab: { id: 7, url: PSA_PAGE } };
    const message = {
      type: 'overlay/counts',
      psa: 'connectwise',
      companyName: 'Acme',
      companyId: null,
      agreementId: null,
      productIds: [],
    };

    await handleMessage(message, sender, POLICY, handlers);

    expect(context?.tabHost).toBe('na.myconnectwise.net');
  });

  it('unknown tab URL gives no host', async () => {
    let context: HandlerContext | undefined;
    const handlers = recordingHandlers();
    handlers['accountMappings/delete'] = async (_message, received) => {
      context = received;
      return null;
    };
    const sender = SENDERS['options page']!;

    await handleMessage(MESSAGES['accountMappings/delete'], sender, POLICY, handlers);

    expect(context?.tabHost).toBeNull();
  });
});
