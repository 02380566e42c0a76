/** Sync interval, stale threshold and account level. Changing the account level takes effect at the next sync. */
import { useState } from 'preact/hooks';
import type { AccountLevel } from '../lib/counting/types';
import { request } from '../lib/messaging/client';
import { MIN_SYNC_INTERVAL_MINUTES, type Settings } from '../lib/settings/settings';
import type { Snapshot } from '../lib/sync/snapshot';

interface Props {
  settings: Settings;
  snapshot: Snapshot | null;
  onChanged: () => Promise<void>;
}

/** Policies that can hold clients: those with children, by name. */
function parentPolicies(snapshot: Snapshot | null): Array<{ id: string; name: string }> {
  if (!snapshot) return [];
  const policies = Object.values(snapshot.counts.policies);
  const parents = new Set(policies.map((policy) => policy.parentId).filter((id) => id !== null));
  return policies
    .filter((policy) => parents.has(policy.policyId))
    .map((policy) => ({ id: policy.policyId, name: policy.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function SyncSettingsForm({ settings, snapshot, onChanged }: Props) {
  const [interval, setInterval] = useState(String(settings.syncIntervalMinutes));
  const [staleDays, setStaleDays] = useState(String(settings.staleAfterDays));
  const [parentId, setParentId] = useState(
    settings.accountLevel.kind === 'children' ? settings.accountLevel.parentId : '',
  );
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    const minutes = Number(interval);
    const days = Number(staleDays);
    if (!Number.isInteger(minutes) || minutes < MIN_SYNC_INTERVAL_MINUTES || minutes > 1440) {
      setMessage({
        kind: 'error',
        text: `Sync interval "${interval}" is invalid: enter whole minutes from ${MIN_SYNC_INTERVAL_MINUTES} to 1440.`,
      });
      return;
    }
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      setMessage({
        kind: 'error',
        text: `Stale threshold "${staleDays}" is invalid: enter whole days from 1 to 365.`,
      });
      return;
    }
    const accountLevel: AccountLevel = parentId
      ? { kind: 'children', parentId }
      : { kind: 'roots' };
    try {
      await request({
        type: 'settings/update',
        changes: { syncIntervalMinutes: minutes, staleAfterDays: days, accountLevel },
      });
      setMessage({ kind: 'success', text: 'Saved. The next sync uses these settings.' });
      await onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const parents = parentPolicies(snapshot);
  return (
    <form onSubmit={save} aria-labelledby="sync-settings-title" data-testid="sync-settings">
      <h2 id="sync-settings-title">Sync</h2>
      <label for="sync-interval">Sync every (minutes)</label>
      <input
        id="sync-interval"
        type="number"
        min={MIN_SYNC_INTERVAL_MINUTES}
        max={1440}
        value={interval}
        onInput={(event) => setInterval(event.currentTarget.value)}
      />
      <label for="stale-days">A device is stale after (days without check-in)</label>
      <input
        id="stale-days"
        type="number"
        min={1}
        max={365}
        value={staleDays}
        onInput={(event) => setStaleDays(event.currentTarget.value)}
      />
      <label for="account-level">Client policies are</label>
      <select
        id="account-level"
        value={parentId}
        onChange={(event) => setParentId(event.currentTarget.value)}
      >
        <option value="">The top-level policies (one per client)</option>
        {parents.map((policy) => (
          <option key={policy.id} value={policy.id}>
            The policies under "{policy.name}"
          </option>
        ))}
      </select>
      <p>
        <button type="submit">Save sync settings</button>
      </p>
      {message && (
        <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
