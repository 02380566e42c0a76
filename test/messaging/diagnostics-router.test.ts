import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageSchema, type Message } from '../../lib/messaging/messages';
import { handleMessage, type Handlers } from '../../lib/messaging/router';
import type { SenderInfo } from '../../lib/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PSA_PAGE = 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx';
const EXTENSION = `chrome-extension://${ID}`;
const SENDERS: Record<string, { sender: SenderInfo; allowed: boolean }> = {
  popup: { sender: { id: ID, url: `${EXTENSION}/popup.html`, origin: EXTENSION }, allowed: true },
  'options page': {
    sender: { id: ID, url: `${EXTENSION}/options.html`, origin: EXTENSION, tab: { id: 3 } },
    allowed: true,
  },
  'side panel': {
    sender: {
      id: ID,
      url: `${EXTENSION}/sidepanel.html`,
      origin: EXTENSION,
      tab: { id: 7, url: PSA_PAGE },
      frameId: 6,
    },
    allowed: false,
  },
  'content script': {
    sender: {
      id: ID,
      url: PSA_PAGE,
      origin: 'https://na.myconnectwise.net',
      tab: { id: 7 },
      frameId: 0,
    },
    allowed: false,
  },
};
const POLICY = { extensionId: ID, psaPatterns: ['https://*.myconnectwise.net/*'] };
const MESSAGES = [
  { type: 'settings/export' },
  { type: 'settings/import', file: { format: 'anything' } },
  { type: 'diagnostics/history' },
  { type: 'diagnostics/log' },
];

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

const CASES = MESSAGES.flatMap((message) =>
  Object.entries(SENDERS).map(
    ([name, { sender, allowed }]) => [message.type, name, allowed, message, sender] as const,
  ),
);

describe('diagnostics and settings file messages', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it.each(CASES)('%s from %s: allowed %s', async (type, _name, allowed, message, sender) => {
    const handlers = recordingHandlers();
    const reply = await handleMessage(message, sender, POLICY, handlers);

    expect(reply).toEqual(allowed ? { ok: true, data: 'handled' } : undefined);
    expect(handlers.calls).toEqual(allowed ? [type] : []);
  });
});
