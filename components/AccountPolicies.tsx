/**
 * The side panel's list of Addigy account policies with their rolled-up device totals, searchable
 * by name. The policy whose name equals the company on the PSA page is marked as the exact match,
 * because that is the policy whose counts the page shows.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelPolicy } from '../lib/background/panel-policies';
import { request } from '../lib/messaging/client';

interface Props {
  /** The company name on the PSA page, or empty when the panel was opened without one. */
  companyName: string;
}

/** Whether the names are equal after trimming, case and punctuation included, like the overlay. */
function isExactMatch(policy: PanelPolicy, companyName: string): boolean {
  return companyName !== '' && policy.name.trim() === companyName;
}

export function AccountPolicies({ companyName }: Props) {
  const [policies, setPolicies] = useState<PanelPolicy[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    request<PanelPolicy[]>({ type: 'panel/policies' })
      .then(setPolicies)
      .catch((loadError: Error) => setError(loadError.message));
  }, []);

  // Chromium blocks `autofocus` in a cross-origin frame, so the search box takes the focus when
  // the content script moves it into the frame.
  useEffect(() => {
    const focusSearch = () => searchInput.current?.focus();
    if (document.hasFocus()) focusSearch();
    else window.addEventListener('focus', focusSearch, { once: true });
    return () => window.removeEventListener('focus', focusSearch);
  }, []);

  const searchText = query.trim().toLowerCase();
  const visiblePolicies = (policies ?? [])
    .filter((policy) => policy.name.toLowerCase().includes(searchText))
    .sort((a, b) => Number(isExactMatch(b, companyName)) - Number(isExactMatch(a, companyName)));
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
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {policies?.length === 0 && (
        <p class="field-help">
          No client policies yet. Open the extension's toolbar popup and click Sync now.
        </p>
      )}
      {policies && policies.length > 0 && (
        <PolicyList policies={visiblePolicies} companyName={companyName} total={policies.length} />
      )}
    </section>
  );
}

function PolicyList(props: { policies: PanelPolicy[]; companyName: string; total: number }) {
  return (
    <>
      <p class="field-help" aria-live="polite">
        Showing {props.policies.length} of {props.total} policies.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Client policy</th>
            <th scope="col" class="number">
              Devices
            </th>
          </tr>
        </thead>
        <tbody>
          {props.policies.map((policy) => {
            const exact = isExactMatch(policy, props.companyName);
            return (
              <tr
                key={policy.policyId}
                class={exact ? 'exact-match' : undefined}
                data-testid="panel-policy"
                data-exact={String(exact)}
              >
                <th scope="row">
                  <span data-testid="panel-policy-name">{policy.name}</span>
                  {exact && <span class="match-label">Exact match</span>}
                </th>
                <td class="number" data-testid="panel-policy-total">
                  {policy.total}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
