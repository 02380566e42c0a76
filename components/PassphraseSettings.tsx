/**
 * The options' passphrase lock: turn it on with a passphrase and an auto-lock time, turn it off,
 * or, when the passphrase is forgotten, erase the credentials (mappings and counts stay).
 */
import { useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import { AUTO_LOCK_MINUTES, MIN_PASSPHRASE_LENGTH } from '../lib/vault/passphrase-rules';
import type { VaultState } from '../lib/vault/vault-state';

interface Props {
  vault: VaultState;
  onChanged: () => Promise<void>;
}

type Message = { kind: 'success' | 'error'; text: string } | null;

export function PassphraseSettings({ vault, onChanged }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [message, setMessage] = useState<Message>(null);

  const run = async (action: () => Promise<unknown>, success: string) => {
    setMessage(null);
    try {
      await action();
      setPassphrase('');
      setConfirmation('');
      setMessage({ kind: 'success', text: success });
      await onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const enable = (event: Event) => {
    event.preventDefault();
    const autoLockMinutes = Number(minutes);
    if (passphrase !== confirmation) {
      setMessage({
        kind: 'error',
        text: 'The two passphrases differ. Type the same passphrase twice.',
      });
      return;
    }
    if (
      !Number.isInteger(autoLockMinutes) ||
      autoLockMinutes < AUTO_LOCK_MINUTES.min ||
      autoLockMinutes > AUTO_LOCK_MINUTES.max
    ) {
      setMessage({
        kind: 'error',
        text: `Auto-lock "${minutes}" is invalid: enter whole minutes from ${AUTO_LOCK_MINUTES.min} to ${AUTO_LOCK_MINUTES.max}.`,
      });
      return;
    }
    void run(
      () => request({ type: 'vault/enablePassphrase', passphrase, autoLockMinutes }),
      'The passphrase lock is on. The credentials lock when the browser restarts or the auto-lock time passes.',
    );
  };

  const forget = () => {
    const confirmed = confirm(
      'Erase the stored Addigy credentials? Mappings and counts stay. You will need to enter the credentials again.',
    );
    if (confirmed) {
      void run(
        () => request({ type: 'vault/forgetPassphrase' }),
        'The credentials were erased. Enter them again above.',
      );
    }
  };

  return (
    <section aria-labelledby="passphrase-title" data-testid="passphrase-settings">
      <h2 id="passphrase-title">Passphrase lock</h2>
      {vault.mode === 'device-key' ? (
        <form onSubmit={enable}>
          <p class="field-help">
            Optional. With a passphrase, the credentials can only be used after you unlock them, and
            they lock again when the browser restarts or after the time you choose.
          </p>
          <label for="new-passphrase">
            Passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)
          </label>
          <input
            id="new-passphrase"
            type="password"
            autocomplete="new-password"
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
          <label for="confirm-passphrase">Passphrase again</label>
          <input
            id="confirm-passphrase"
            type="password"
            autocomplete="new-password"
            value={confirmation}
            onInput={(event) => setConfirmation(event.currentTarget.value)}
          />
          <label for="auto-lock">Lock after (minutes)</label>
          <input
            id="auto-lock"
            type="number"
            min={AUTO_LOCK_MINUTES.min}
            max={AUTO_LOCK_MINUTES.max}
            value={minutes}
            onInput={(event) => setMinutes(event.currentTarget.value)}
          />
          <p>
            <button type="submit" data-testid="enable-passphrase">
              Turn on the passphrase lock
            </button>
          </p>
        </form>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => request({ type: 'vault/disablePassphrase', passphrase }),
              'The passphrase lock is off.',
            );
          }}
        >
          <p data-testid="passphrase-on">
            The passphrase lock is on; the credentials lock {vault.autoLockMinutes} minutes after
            each unlock. {vault.locked ? 'They are locked now.' : 'They are unlocked now.'}
          </p>
          <label for="current-passphrase">Passphrase</label>
          <input
            id="current-passphrase"
            type="password"
            autocomplete="current-password"
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />{' '}
          <button type="submit" data-testid="disable-passphrase">
            Turn off the lock
          </button>{' '}
          <button type="button" class="link" onClick={forget} data-testid="forgot-passphrase">
            Forgot the passphrase?
          </button>
        </form>
      )}
      {message && (
        <p
          class={message.kind}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="passphrase-result"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
