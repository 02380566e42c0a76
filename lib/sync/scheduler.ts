/**
 * The sync alarm. Chrome keeps alarms across worker restarts but not always across updates and
 * browser restarts, so the background re-creates it on every start with the current interval.
 */
import { browser } from 'wxt/browser';

export const SYNC_ALARM = 'addigy-sync';

/** Creates or replaces the periodic sync alarm. */
export async function scheduleSync(intervalMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === intervalMinutes) return;
  await browser.alarms.create(SYNC_ALARM, {
    delayInMinutes: intervalMinutes,
    periodInMinutes: intervalMinutes,
  });
}
