import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { snapshotToCsv } from '../lib/export/csv';
import { downloadText } from '../lib/export/download';
import { request } from '../lib/messaging/client';
import { snapshotToWideCsv } from '../lib/export/wide-csv';
import { PolicyWorkspace } from './PolicyWorkspace';
import { SnapshotWarnings } from './SnapshotWarnings';
import { SyncStatusBar } from './SyncStatusBar';
import { VaultLockPanel } from './VaultLockPanel';
import { useExtensionState } from './use-extension-state';

/** Re-renders every 30 s so that "5 minutes ago" stays true while the popup is open. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function PopupApp() {
  const { state, loadError, reload } = useExtensionState();
  const [actionError, setActionError] = useState<string | null>(null);
  const now = useNow();

  if (loadError) {
    return (
      <p class="error" role="alert">
        {loadError}
      </p>
    );
  }
  if (!state) return <p aria-busy="true">Loading…</p>;

  const { settings, status, snapshot, vault } = state;
  const locked = vault.mode === 'passphrase' && vault.locked;
  const syncNow = () => {
    setActionError(null);
    // Failures reach the status bar through storage; this catches a dropped message.
    request({ type: 'sync/start' }).catch((error: Error) => {
      if (!status.error) setActionError(error.message);
    });
  };
  const exportCsv = (wide: boolean) => {
    if (!snapshot) return;
    const date = new Date(snapshot.createdAt).toISOString().slice(0, 10);
    const text = wide ? snapshotToWideCsv(snapshot) : snapshotToCsv(snapshot);
    const name = `addigy-device-counts${wide ? '-wide' : ''}-${date}.csv`;
    downloadText(name, text, 'text/csv');
  };

  return (
    <main class="popup">
      <header>
        <h1>Addigy device counts</h1>
        <div class="actions">
          <button
            type="button"
            onClick={syncNow}
            disabled={!settings.credentialsConfigured || locked || status.state === 'running'}
            title={locked ? 'Unlock the credentials first' : undefined}
            data-testid="sync-now"
          >
            Sync now
          </button>
          <button
            type="button"
            onClick={() => exportCsv(false)}
            disabled={!snapshot}
            title="One row per client and OS type"
            data-testid="export-csv"
          >
            Export CSV
          </button>
          <button
            type="button"
            onClick={() => exportCsv(true)}
            disabled={!snapshot}
            title="One row per client, one column per OS type, for spreadsheets"
            data-testid="export-wide-csv"
          >
            Export wide CSV
          </button>
        </div>
      </header>
      {!settings.credentialsConfigured && (
        <p class="notice" data-testid="not-connected">
          Addigy is not connected.{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Open the options
          </button>{' '}
          to enter your API credentials.
        </p>
      )}
      {settings.credentialsConfigured && settings.apiVersion === 'v1' && (
        <p class="notice" data-testid="v1-notice">
          This connection uses Addigy API V1, which Addigy announced it would remove on 31 March
          2026.{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Switch to API V2
          </button>{' '}
          with a new API key.
        </p>
      )}
      {settings.credentialsConfigured && <VaultLockPanel vault={vault} onChanged={reload} />}
      <SyncStatusBar status={status} snapshot={snapshot} now={now} />
      {actionError && (
        <p class="error" role="alert">
          {actionError}
        </p>
      )}
      {snapshot && <SnapshotWarnings snapshot={snapshot} />}
      {snapshot && <PolicyWorkspace snapshot={snapshot} />}
    </main>
  );
}
