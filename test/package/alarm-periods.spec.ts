/**
 * The alarms the extension creates fire no more often than both browsers allow. MDN's
 * alarms.create page says a packed Chrome extension's alarms fire at most every 30 seconds (an
 * older revision of the page gave 1 minute) and gives no floor for Firefox. The sync period and
 * the auto-lock delay are whole minutes, so a 1-minute floor covers every version.
 */
import { expect, test } from 'vitest';
import { messageSchema } from '../../lib/messaging/messages';
import { MIN_SYNC_INTERVAL_MINUTES } from '../../lib/settings/settings';

const BROWSER_MIN_MINUTES = 1;

test('sync alarm period meets the floor', () => {
  expect(MIN_SYNC_INTERVAL_MINUTES).toBeGreaterThanOrEqual(BROWSER_MIN_MINUTES);
});

test('auto-lock below one minute is rejected', () => {
  const request = { type: 'vault/enablePassphrase', passphrase: 'correct horse battery' };
  expect(messageSchema.safeParse({ ...request, autoLockMinutes: 0.5 }).success).toBe(false);
  expect(messageSchema.safeParse({ ...request, autoLockMinutes: 1 }).success).toBe(true);
});
