/**
 * Sync settings: interval, stale threshold, account level, history and the request budget.
 * Changes take effect at the next sync; the interval and the budget apply at once.
 */
import { useState } from 'preact/hooks';
import { BUDGET_BOUNDS } from '../lib/addigy/budget';
import type { AccountLevel } from '../lib/counting/types';
import { request } from '../lib/messaging/client';
import { MIN_SYNC_INTERVAL_MINUTES, type Settings } from '../lib/settings/settings';
import type { Snapshot } from '../lib/sync/snapshot';

interface Props {
  settings: Settings;
  snapshot: Snapshot | null;
  onChanged: () => Promise<void>;
}

type NumberSetting =
  | 'syncIntervalMinutes'
  | 'staleAfterDays'
  | 'snapshotsKept'
  | 'maxRequestsPerWindow'
  | 'maxInFlight';

const NUMBER_FIELDS: Array<{ key: NumberSetting; label: string; min: number; max: number }> = [
  {
    key: 'syncIntervalMinutes',
    label: 'Sync every (minutes)',
    min: MIN_SYNC_INTERVAL_MINUTES,
    max: 1440,
  },
  {
    key: 'staleAfterDays',
    label: 'A device is stale after (days without check-in)',
    min: 1,
    max: 365,
  },
  { key: 'snapshotsKept', label: 'Syncs kept for history', min: 1, max: 1000 },
  {
    key: 'maxRequestsPerWindow',
    label: 'Most Addigy requests in any 10 seconds (Addigy blocks a key above 1,000)',
    ...BUDGET_BOUNDS.maxRequestsPerWindow,
  },
  { key: 'maxInFlight', label: 'Most Addigy requests at once', ...BUDGET_BOUNDS.maxInFlight },
];

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

/** Reads the number fields, or returns the first invalid one's error. */
function readNumbers(
  values: Record<NumberSetting, string>,
): Record<NumberSetting, number> | string {
  const numbers = {} as Record<NumberSetting, number>;
  for (const field of NUMBER_FIELDS) {
    const value = Number(values[field.key]);
    if (
      values[field.key].trim() === '' ||
      !Number.isInteger(value) ||
      value < field.min ||
      value > field.max
    ) {
      return `"${field.label}" has the invalid value "${values[field.key]}": enter a whole number from ${field.min} to ${field.max}.`;
    }
    numbers[field.key] = value;
  }
  return numbers;
}

export function SyncSettingsForm({ settings, snapshot, onChanged }: Props) {
  const [values, setValues] = useState<Record<NumberSetting, string>>(
    () =>
      Object.fromEntries(
        NUMBER_FIELDS.map((field) => [field.key, String(settings[field.key])]),
      ) as Record<NumberSetting, string>,
  );
  const [parentId, setParentId] = useState(
    settings.accountLevel.kind === 'children' ? settings.accountLevel.parentId : '',
  );
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    const numbers = readNumbers(values);
    if (typeof numbers === 'string') {
      setMessage({ kind: 'error', text: numbers });
      return;
    }
    const accountLevel: AccountLevel = parentId
      ? { kind: 'children', parentId }
      : { kind: 'roots' };
    try {
      await request({ type: 'settings/update', changes: { ...numbers, accountLevel } });
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
      {NUMBER_FIELDS.map((field) => (
        <div key={field.key}>
          <label for={`setting-${field.key}`}>{field.label}</label>
          <input
            id={`setting-${field.key}`}
            type="number"
            min={field.min}
            max={field.max}
            value={values[field.key]}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setValues((previous) => ({ ...previous, [field.key]: value }));
            }}
          />
        </div>
      ))}
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
        <button type="submit" data-testid="save-sync-settings">
          Save sync settings
        </button>
      </p>
      {message && (
        <p
          class={message.kind}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="sync-settings-result"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
