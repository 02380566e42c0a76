/**
 * The side panel's list of Addigy account policies with their rolled-up device totals, searchable
 * by name and filtered by state. The policy whose name equals the company on the PSA page is
 * marked as the exact match, because that is the policy whose counts the page shows while the
 * record has no mapping.
 *
 * While the user chooses a mapping (`choosing`), each policy can be mapped three ways: dragged
 * onto the drop target, picked up from the keyboard (Enter or Space on the focused row), or with
 * its "Map" button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelPolicy } from '../lib/background/panel-policies';
import {
  filterPolicies,
  POLICY_FILTER_LABELS,
  POLICY_FILTERS,
  type PolicyFilter,
} from '../lib/side-panel/policy-filter';

/** The drag data type of a policy row; its value is the policy id. */
export const POLICY_DRAG_TYPE = 'application/x-addigy-policy-id';

interface Props {
  /** The account policies, or null while they load. */
  policies: PanelPolicy[] | null;
  error: string | null;
  /** The company name on the PSA page, or empty when the panel was opened without one. */
  companyName: string;
  suggestedPolicyIds: ReadonlySet<string>;
  mappedPolicyIds: ReadonlySet<string>;
  /** The policy the record on the page is mapped to, if any. */
  currentPolicyId: string | null;
  /** Whether rows can be dragged, picked up and mapped. */
  choosing: boolean;
  pickedPolicyId: string | null;
  onPick(policy: PanelPolicy): void;
  onMap(policy: PanelPolicy): void;
}

/** Whether the names are equal after trimming, case and punctuation included, like the overlay. */
export function isExactMatch(policy: PanelPolicy, companyName: string): boolean {
  return companyName !== '' && policy.name.trim() === companyName;
}

export function AccountPolicies(props: Props) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<PolicyFilter>('all');
  const searchInput = useRef<HTMLInputElement>(null);

  // Chromium blocks `autofocus` in a cross-origin frame, so the search box takes the focus when
  // the content script moves it into the frame.
  useEffect(() => {
    const focusSearch = () => searchInput.current?.focus();
    if (document.hasFocus()) focusSearch();
    else window.addEventListener('focus', focusSearch, { once: true });
    return () => window.removeEventListener('focus', focusSearch);
  }, []);

  const { policies, companyName } = props;
  const visiblePolicies = filterPolicies(policies ?? [], {
    query,
    filter,
    mappedPolicyIds: props.mappedPolicyIds,
    suggestedPolicyIds: props.suggestedPolicyIds,
  }).sort((a, b) => Number(isExactMatch(b, companyName)) - Number(isExactMatch(a, companyName)));
  const exactMatches = (policies ?? []).filter((policy) => isExactMatch(policy, companyName));

  return (
    <section aria-labelledby="account-policies-title" data-testid="account-policies">
      <h2 id="account-policies-title">Addigy client policies</h2>
      {exactMatches.length > 1 && (
        <p class="notice" role="status">
          {exactMatches.length} client policies are named "{companyName}", so the agreement shows no
          counts. Rename all but one of them in Addigy.
        </p>
      )}
      <label for="policy-search">Search policies</label>
      <input
        id="policy-search"
        type="search"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        ref={searchInput}
      />
      <div class="filter-chips" role="group" aria-label="Show policies">
        {POLICY_FILTERS.map((option) => (
          <button
            key={option}
            type="button"
            class="chip"
            aria-pressed={filter === option}
            onClick={() => setFilter(option)}
            data-testid={`policy-filter-${option}`}
          >
            {POLICY_FILTER_LABELS[option]}
          </button>
        ))}
      </div>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {policies?.length === 0 && (
        <p class="field-help">
          No client policies yet. Open the extension's toolbar popup and click Sync now.
        </p>
      )}
      {policies && policies.length > 0 && (
        <PolicyList {...props} policies={visiblePolicies} total={policies.length} />
      )}
    </section>
  );
}

function PolicyList(props: Props & { policies: PanelPolicy[]; total: number }) {
  return (
    <>
      <p class="field-help" aria-live="polite">
        Showing {props.policies.length} of {props.total} policies.
      </p>
      {props.choosing && (
        <p class="field-help" id="policy-row-help">
          Drag a policy onto the target above, or focus it and press Enter to pick it up.
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Client policy</th>
            <th scope="col" class="number">
              Devices
            </th>
            {props.choosing && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.policies.map((policy) => (
            <PolicyRow key={policy.policyId} {...props} policy={policy} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function PolicyRow(props: Props & { policy: PanelPolicy }) {
  const { policy, choosing } = props;
  const exact = isExactMatch(policy, props.companyName);
  const classes = [exact && 'exact-match', props.pickedPolicyId === policy.policyId && 'picked'];

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    props.onPick(policy);
  };
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer?.setData(POLICY_DRAG_TYPE, policy.policyId);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'link';
  };

  return (
    <tr
      class={classes.filter(Boolean).join(' ') || undefined}
      data-testid="panel-policy"
      data-policy-id={policy.policyId}
      data-exact={String(exact)}
      draggable={choosing}
      tabIndex={choosing ? 0 : undefined}
      aria-describedby={choosing ? 'policy-row-help' : undefined}
      onKeyDown={choosing ? onKeyDown : undefined}
      onDragStart={choosing ? onDragStart : undefined}
    >
      <th scope="row">
        <span data-testid="panel-policy-name">{policy.name}</span>
        {exact && <span class="match-label">Exact match</span>}
        {props.currentPolicyId === policy.policyId && (
          <span class="match-label">Mapped to this record</span>
        )}
        {props.currentPolicyId !== policy.policyId &&
          props.mappedPolicyIds.has(policy.policyId) && <span class="match-label">Mapped</span>}
        {!exact && props.suggestedPolicyIds.has(policy.policyId) && (
          <span class="match-label">Suggested</span>
        )}
      </th>
      <td class="number" data-testid="panel-policy-total">
        {policy.total}
      </td>
      {choosing && (
        <td>
          <button
            type="button"
            onClick={() => props.onMap(policy)}
            aria-label={`Map to ${policy.name}`}
            data-testid="map-policy"
          >
            Map
          </button>
        </td>
      )}
    </tr>
  );
}
