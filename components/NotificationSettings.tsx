/**
 * The option to be notified when a sync changes the device count of a mapped client. Turning it
 * on requests the optional `notifications` permission; turning it off gives the permission back.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  loadNotificationsEnabled,
  saveNotificationsEnabled,
} from '../lib/notifications/count-changes';

const PERMISSION: { permissions: ['notifications'] } = { permissions: ['notifications'] };

export function NotificationSettings() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([loadNotificationsEnabled(), browser.permissions.contains(PERMISSION)]).then(
      ([stored, granted]) => setEnabled(stored && granted),
      (failure: unknown) => {
        setEnabled(false);
        setError(
          `Could not read the notification setting: ${failure instanceof Error ? failure.message : String(failure)}. Reopen the options to try again.`,
        );
      },
    );
  }, []);

  const toggle = async (on: boolean) => {
    setError(null);
    try {
      // permissions.request must run in the click's turn, before any other await.
      if (on && !(await browser.permissions.request(PERMISSION))) {
        setError('The browser did not grant the notification permission, so it stays off.');
        return;
      }
      if (!on) await browser.permissions.remove(PERMISSION);
      await saveNotificationsEnabled(on);
      setEnabled(on);
    } catch (failure) {
      setError(
        `Could not change the notification setting: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    }
  };

  return (
    <section aria-labelledby="notification-settings-title" data-testid="notification-settings">
      <h2 id="notification-settings-title">Notifications</h2>
      <label>
        <input
          type="checkbox"
          checked={enabled === true}
          disabled={enabled === null}
          onChange={(event) => {
            // The box shows the stored state until the change succeeds, because Preact does not
            // reset a checkbox whose state did not change.
            event.currentTarget.checked = enabled === true;
            void toggle(enabled !== true);
          }}
          data-testid="notify-count-changes"
        />{' '}
        Notify me when a sync changes the device count of a mapped client
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
