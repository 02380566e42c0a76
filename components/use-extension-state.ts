/**
 * Loads the background's state for a page and keeps it current: the sync status arrives through
 * `storage.onChanged`, and a finished sync triggers a reload of the snapshot.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import type { Settings } from '../lib/settings/settings';
import type { Snapshot } from '../lib/sync/snapshot';
import { watchSyncStatus, type SyncStatus } from '../lib/sync/sync-status';
import type { VaultState } from '../lib/vault/vault-state';

/** The interval at which an open page requests the state while a sync runs. */
export const RUNNING_POLL_MS = 10_000;

export interface ExtensionState {
  settings: Settings;
  status: SyncStatus;
  snapshot: Snapshot | null;
  vault: VaultState;
}

export function useExtensionState(): {
  state: ExtensionState | null;
  loadError: string | null;
  reload: () => Promise<void>;
} {
  const [state, setState] = useState<ExtensionState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setState(await request<ExtensionState>({ type: 'state/get' }));
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  useEffect(() => {
    void reload();
    return watchSyncStatus((status) => {
      setState((previous) => (previous ? { ...previous, status } : previous));
      if (status.state !== 'running') void reload();
    });
  }, [reload]);

  // The browser may stop the service worker mid-sync, and nothing wakes it until a message
  // arrives. While a sync shows as running, a periodic state request wakes it so that it resumes.
  const running = state?.status.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), RUNNING_POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  return { state, loadError, reload };
}
