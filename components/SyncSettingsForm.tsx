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

interface NumberField {
  key: NumberSetting;
  label: string;
  /** Help text: the effect of the setting, in the user's words. */
  help: string;
  min: number;
  max: number;
}

const NUMBER_FIELDS: NumberField[] = [
  {
    key: 'syncIntervalMinutes',
    label: 'Sync every (minutes)',
    help: 'How often the extension syncs in the background. "Sync now" in the popup syncs at once.',
    min: MIN_SYNC_INTERVAL_MINUTES,
    max: 1440,
  },
  {
    key: 'staleAfterDays',
    label: 'A device is stale after (days without check-in)',
    help: 'Stale devices are still counted; the popup shows how many beside each total.',
    min: 1,
    max: 365,
  },
  {
    key: 'snapshotsKept',
    label: 'Syncs kept for history',
    help: 'Older synced counts are deleted beyond this number.',
    min: 1,
    max: 1000,
  },
  {
    key: 'maxRequestsPerWindow',
    label: 'Maximum Addigy requests in any 10 seconds',
    help: 'Addigy blocks an API key for 24 hours above 1,000 requests in 10 seconds, so keep this well below.',
    ...BUDGET_BOUNDS.maxRequestsPerWindow,
  },
  {
    key: 'maxInFlight',
    label: 'Maximum Addigy requests at once',
    help: 'Requests sent in parallel during a sync.',
    ...BUDGET_BOUNDS.maxInFlight,
  },
];

/**
 * Policies that can hold clients: those with children in the last sync, by name. A chosen
 * policy missing from that sync (none yet, or one set by an imported settings file) is kept as
 * an option, so that saving other settings does not silently change the account level.
 */
function parentPolicies(
  snapshot: Snapshot | null,
  chosenId: string,
): Array<{ id: string; name: string }> {
  const policies = snapshot ? Object.values(snapshot.counts.policies) : [];
  const parents = new Set(policies.map((policy) => policy.parentId).filter((id) => id !== null));
  const options = policies
    .filter((policy) => parents.has(policy.policyId))
    .map((policy) => ({ id: policy.policyId, name: policy.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (chosenId && !options.some((option) => option.id === chosenId)) {
    options.push({ id: chosenId, name: `policy ID ${chosenId}, not in the last sync` });
  }
  return options;
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

  const storedParentId =
    settings.accountLevel.kind === 'children' ? settings.accountLevel.parentId : '';
  const parents = parentPolicies(snapshot, storedParentId);
  return (
    <form onSubmit={save} aria-labelledby="sync-settings-title" data-testid="sync-settings">
      <h2 id="sync-settings-title">Sync</h2>
      {NUMBER_FIELDS.map((field) => (
        <div key={field.key}>
          <label for={`setting-${field.key}`}>{field.label}</label>
          <input
            id={`setting-${field.key}`}
            aria-describedby={`setting-${field.key}-help`}
            type="number"
            min={field.min}
            max={field.max}
            value={values[field.key]}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setValues((previous) => ({ ...previous, [field.key]: value }));
            }}
          />
          <p id={`setting-${field.key}-help`} class="field-help">
            {field.help} From {field.min} to {field.max}.
          </p>
        </div>
      ))}
      <label for="account-level">Client policies are</label>
      <select
        id="account-level"
        aria-describedby="account-level-help"
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
      <p id="account-level-help" class="field-help">
        Each client policy gets its own row in the popup and on agreements, with the devices of its
        sub-policies included.{' '}
        {snapshot
          ? 'Only policies with sub-policies in the last sync are listed.'
          : 'Sync once to list the policies that have sub-policies.'}
      </p>
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
