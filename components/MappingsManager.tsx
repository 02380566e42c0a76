/**
 * The options page's manager of account mappings. It lists every Addigy account policy of the
 * latest snapshot and every mapped PSA record with its state, searchable and filtered by state.
 * Each record has a "Remove" button, and the section exports and imports every mapping.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { panelPoliciesOf } from '../lib/background/panel-policies';
import type { AccountMapping } from '../lib/mapping/account-mapping';
import {
  buildMappingOverview,
  filterMappingOverview,
  type OverviewFilter,
  type RecordOverview,
} from '../lib/mapping/overview';
import { request } from '../lib/messaging/client';
import type { Snapshot } from '../lib/sync/snapshot';
import { MappingsTransfer } from './MappingsTransfer';

interface Props {
  snapshot: Snapshot | null;
  /** Called after an import, which can change the product mappings too. */
  onImported?: () => void;
}

const FILTERS: Array<[OverviewFilter, string]> = [
  ['all', 'All'],
  ['mapped', 'Mapped'],
  ['unmapped', 'Unmapped'],
];

export function MappingsManager({ snapshot, onImported }: Props) {
  const [mappings, setMappings] = useState<AccountMapping[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<OverviewFilter>('all');

  const reload = useCallback(async () => {
    try {
      setMappings(await request<AccountMapping[]>({ type: 'accountMappings/list' }));
      setError(null);
    } catch (loadError) {
      setError(loadError instanceof Error ? loadError.message : String(loadError));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const remove = async (key: string) => {
    try {
      await request({ type: 'accountMappings/delete', key });
    } catch (removeError) {
      setError(removeError instanceof Error ? removeError.message : String(removeError));
    }
    await reload();
  };

  const overview = filterMappingOverview(
    buildMappingOverview(panelPoliciesOf(snapshot), mappings),
    query,
    filter,
  );
  return (
    <section aria-labelledby="mappings-manager-title" data-testid="mappings-manager">
      <h2 id="mappings-manager-title">Account mappings</h2>
      <p class="field-help">
        Which Addigy client policy each PSA company or agreement bills for. Map records from the
        Mappings button on an agreement page.
      </p>
      <MappingsTransfer
        onImported={() => {
          void reload();
          onImported?.();
        }}
      />
      <label for="mappings-search">Search mappings</label>
      <input
        id="mappings-search"
        type="search"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <div class="filter-chips" role="group" aria-label="Show">
        {FILTERS.map(([option, label]) => (
          <button
            key={option}
            type="button"
            class="chip"
            aria-pressed={filter === option}
            onClick={() => setFilter(option)}
            data-testid={`manager-filter-${option}`}
          >
            {label}
          </button>
        ))}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h3>Addigy client policies</h3>
      {!snapshot && <p class="field-help">No sync yet, so no client policies to list.</p>}
      {snapshot && (
        <table>
          <thead>
            <tr>
              <th scope="col">Client policy</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {overview.policies.map((policy) => (
              <tr key={policy.policyId} data-testid="manager-policy" data-state={policy.state}>
                <th scope="row">{policy.name}</th>
                <td>
                  {policy.state === 'mapped'
                    ? `Mapped (${policy.records.length} ${policy.records.length === 1 ? 'record' : 'records'})`
                    : 'Unmapped'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Mapped PSA records</h3>
      {mappings.length === 0 ? (
        <p class="field-help">No PSA records are mapped yet.</p>
      ) : (
        <RecordTable records={overview.records} onRemove={(key) => void remove(key)} />
      )}
    </section>
  );
}

function RecordTable(props: { records: RecordOverview[]; onRemove(key: string): void }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">PSA company</th>
          <th scope="col">PSA record</th>
          <th scope="col">Client policy</th>
          <th scope="col">State</th>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.records.map(({ mapping, state }) => (
          <tr key={mapping.key} data-testid="manager-record" data-state={state}>
            <th scope="row">{mapping.companyName || '(no name)'}</th>
            <td>
              {mapping.host}:{' '}
              {mapping.agreementId !== null
                ? `agreement ${mapping.agreementId}`
                : `company ${mapping.companyId}`}
            </td>
            <td>{mapping.policyName}</td>
            <td>{state === 'mapped' ? 'Mapped' : 'Unmapped: policy not in the latest sync'}</td>
            <td>
              <button
                type="button"
                onClick={() => props.onRemove(mapping.key)}
                aria-label={`Remove the mapping of ${mapping.companyName || mapping.key}`}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
