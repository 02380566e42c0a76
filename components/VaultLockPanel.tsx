/**
 * The popup's view of the passphrase lock: an unlock form while locked (syncs wait until then),
 * and "Lock now" while unlocked.
 */
import { useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import type { VaultState } from '../lib/vault/vault-state';
import { formatDateTime } from './format';

interface Props {
  vault: VaultState;
  onChanged: () => Promise<void>;
}

export function VaultLockPanel({ vault, onChanged }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (vault.mode !== 'passphrase') return null;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setPassphrase('');
      await onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  if (!vault.locked) {
    return (
      <p class="vault-unlocked" data-testid="vault-unlocked">
        Credentials unlocked
        {vault.unlockedUntil !== null && ` until ${formatDateTime(vault.unlockedUntil)}`}.{' '}
        <button
          type="button"
          onClick={() => void run(() => request({ type: 'vault/lock' }))}
          data-testid="lock-now"
        >
          Lock now
        </button>
      </p>
    );
  }
  return (
    <form
      class="notice"
      data-testid="vault-locked"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => request({ type: 'vault/unlock', passphrase }));
      }}
    >
      <p>The Addigy credentials are locked. Syncs wait until you unlock them.</p>
      <label for="unlock-passphrase">Passphrase</label>
      <input
        id="unlock-passphrase"
        type="password"
        autocomplete="current-password"
        value={passphrase}
        onInput={(event) => setPassphrase(event.currentTarget.value)}
      />{' '}
      <button
        type="submit"
        class="primary"
        disabled={busy || passphrase === ''}
        data-testid="unlock"
      >
        {busy ? 'Checking…' : 'Unlock'}
      </button>
      {error && (
        <p class="error" role="alert" data-testid="unlock-error">
          {error}
        </p>
      )}
    </form>
  );
}
