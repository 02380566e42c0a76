/**
 * The background's message router: parse, classify the sender, check the allow-list, dispatch.
 * It is a plain function of (message, sender) so that tests call it without a browser.
 */
import { log } from '../log/logger';
import { messageSchema, type Message, type MessageType, type Reply } from './messages';
import { classifySender, type SenderClass, type SenderInfo } from './sender';

/**
 * The message types each sender class may send. Content scripts never get credentials, settings
 * or the policy catalogue. The side panel gets the account policies, the product mappings and
 * the account mappings of records on the PSA sites the user added, and nothing that reads or
 * changes credentials, settings, the vault or syncs. Listing every account mapping, export and
 * import are for extension pages only.
 */
const ALLOWED: Record<SenderClass, ReadonlySet<MessageType>> = {
  'extension-page': new Set<MessageType>([
    'sync/start',
    'state/get',
    'credentials/authenticate',
    'credentials/forget',
    'settings/update',
    'mappings/list',
    'mappings/save',
    'mappings/delete',
    'accountMappings/list',
    'accountMappings/delete',
    'mappings/export',
    'mappings/import',
    'overlay/counts',
    'psaSites/add',
    'psaSites/remove',
    'vault/unlock',
    'vault/lock',
    'vault/enablePassphrase',
    'vault/disablePassphrase',
    'vault/forgetPassphrase',
    'settings/export',
    'settings/import',
    'diagnostics/history',
    'diagnostics/log',
    'popup/workspace',
  ]),
  'side-panel': new Set<MessageType>([
    'panel/policies',
    'mappings/list',
    'mappings/save',
    'mappings/delete',
    'accountMappings/forRecord',
    'accountMappings/mappedPolicies',
    'accountMappings/save',
    'accountMappings/delete',
  ]),
  'content-script': new Set<MessageType>(['overlay/counts']),
  unknown: new Set<MessageType>(),
};

/** Who sent the message, as the router classified it, for handlers whose result depends on the site. */
export interface HandlerContext {
  senderClass: SenderClass;
  /** The sender frame's origin, set by the browser. */
  origin: string | null;
  /**
   * The host name of the sender's tab, from `sender.tab.url`, or null when the browser did not
   * give it. For the side panel it is the PSA page that the panel sits in.
   */
  tabHost?: string | null;
}

/** Returns the host name in `sender.tab.url`, lower-cased, or null when it has none. */
export function tabHostOf(sender: SenderInfo): string | null {
  const url = sender.tab?.url;
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).hostname.toLowerCase() || null;
}

export type Handlers = {
  [K in MessageType]: (
    message: Extract<Message, { type: K }>,
    context: HandlerContext,
  ) => Promise<unknown>;
};

const loggedRejections = new Set<string>();

/** Logs a rejected message once per reason, so a hostile page cannot flood the console. */
function logRejection(reason: string): void {
  if (loggedRejections.has(reason)) return;
  loggedRejections.add(reason);
  log.warn(`Dropped a runtime message: ${reason}.`);
}

/** The extension id and PSA site patterns that senders are checked against. */
export interface SenderPolicy {
  extensionId: string;
  /** Match patterns of the sites the content script runs on. */
  psaPatterns: readonly string[];
}

export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  policy: SenderPolicy,
  handlers: Handlers,
): Promise<Reply<unknown> | undefined> {
  const senderClass = classifySender(sender, policy.extensionId, policy.psaPatterns);
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    logRejection(`malformed message from ${senderClass}`);
    return undefined;
  }
  const message = parsed.data;
  if (!ALLOWED[senderClass].has(message.type)) {
    logRejection(`"${message.type}" is not allowed from ${senderClass}`);
    return undefined;
  }
  try {
    const handler = handlers[message.type] as (
      message: Message,
      context: HandlerContext,
    ) => Promise<unknown>;
    const origin =
      sender.origin ?? (sender.url && URL.canParse(sender.url) ? new URL(sender.url).origin : null);
    const context = { senderClass, origin, tabHost: tabHostOf(sender) };
    return { ok: true, data: await handler(message, context) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    log.warn(`"${message.type}" failed.`, error);
    return { ok: false, error: text };
  }
}
