import { browser } from 'wxt/browser';
import type { Message, Reply } from './messages';

/**
 * Sends a message to the background and returns its data, or throws an Error with the
 * background's message. A missing reply means the background dropped the message.
 */
export async function request<T>(message: Message): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) {
    throw new Error(
      'The extension did not answer. Reload the page; if that fails, reload the extension.',
    );
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
