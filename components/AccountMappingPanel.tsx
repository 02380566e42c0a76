/**
 * The side panel's account mapping: which Addigy client policy the PSA record on the page bills
 * for. It shows the stored mapping, or offers the policy with the company's exact name, the
 * suggestions for near names, and the list of every policy to map from by button, by drag and
 * drop or from the keyboard.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelPolicy } from '../lib/background/panel-policies';
import { suggestPolicies } from '../lib/mapping/suggest';
import { request } from '../lib/messaging/client';
import type { PanelRecord } from '../lib/side-panel/link';
import {
  accountMappingFor,
  defaultScope,
  recordProblem,
  type MappingScope,
} from '../lib/side-panel/mapping-scope';
import { AccountPolicies, isExactMatch } from './AccountPolicies';
import { CurrentAccountMapping, ExactMatchOffer } from './CurrentAccountMapping';
import { MappingDropTarget } from './MappingDropTarget';
import { PolicySuggestions } from './PolicySuggestions';
import type { AccountMappingState } from './use-account-mapping';

interface Props {
  record: PanelRecord;
  account: AccountMappingState;
}

function usePanelPolicies() {
  const [policies, setPolicies] = useState<PanelPolicy[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    request<PanelPolicy[]>({ type: 'panel/policies' })
      .then(setPolicies)
      .catch((loadError: Error) => setError(loadError.message));
  }, []);
  return { policies, error };
}

export function AccountMappingPanel({ record, account }: Props) {
  const { policies, error } = usePanelPolicies();
  const [changing, setChanging] = useState(false);
  const [scope, setScope] = useState<MappingScope>(() => defaultScope(record));
  const [picked, setPicked] = useState<PanelPolicy | null>(null);
  const [status, setStatus] = useState('');
  const target = useRef<HTMLButtonElement>(null);

  useEffect(() => setScope(defaultScope(record)), [record.companyId, record.agreementId]);

  const problem = recordProblem(record);
  const choosing = problem === null && (account.mapping === null || changing);
  const suggestions = suggestPolicies(record.companyName, policies ?? []);
  const exactMatches = (policies ?? []).filter((policy) =>
    isExactMatch(policy, record.companyName),
  );
  const exact = exactMatches.length === 1 ? exactMatches[0]! : null;
  const findPolicy = (policyId: string) => policies?.find((policy) => policy.policyId === policyId);

  const map = async (policy: { policyId: string; name: string }) => {
    setPicked(null);
    const saved = await account.save(accountMappingFor(record, policy, scope));
    if (!saved) return;
    setChanging(false);
    const subject = scope === 'company' ? 'the company' : 'this agreement';
    setStatus(`Mapped ${subject} to ${policy.name}.`);
  };
  const pick = (policy: PanelPolicy) => {
    setPicked(policy);
    setStatus(
      `Picked up ${policy.name}. Press Enter on the target to map it, or Escape to cancel.`,
    );
    target.current?.focus();
  };
  const cancelPick = () => {
    const selector = picked && `[data-policy-id="${CSS.escape(picked.policyId)}"]`;
    const row = selector ? document.querySelector<HTMLElement>(selector) : null;
    setPicked(null);
    setStatus('Put the policy back; nothing was mapped.');
    row?.focus();
  };
  const remove = async () => {
    if (await account.remove()) setStatus('Removed the mapping.');
  };

  return (
    <>
      <section aria-labelledby="account-mapping-title" data-testid="account-mapping">
        <h2 id="account-mapping-title">Addigy policy for this record</h2>
        {problem && <p class="field-help">{problem}</p>}
        {account.mapping && !changing && (
          <CurrentAccountMapping
            mapping={account.mapping}
            policyKnown={!policies || findPolicy(account.mapping.policyId) !== undefined}
            onChange={() => setChanging(true)}
            onRemove={() => void remove()}
          />
        )}
        {choosing && exact && !account.mapping && (
          <ExactMatchOffer policy={exact} onKeep={() => void map(exact)} />
        )}
        {choosing && (
          <>
            <PolicySuggestions
              suggestions={suggestions.filter((suggestion) => suggestion.kind !== 'exact')}
              onConfirm={(suggestion) => void map(suggestion)}
            />
            <MappingDropTarget
              record={record}
              scope={scope}
              onScopeChange={setScope}
              picked={picked}
              onDrop={(policyId) => {
                const policy = findPolicy(policyId);
                if (policy) void map(policy);
              }}
              onCancel={cancelPick}
              onEmpty={() =>
                setStatus('Pick a policy first: drag it here, or focus it and press Enter.')
              }
              targetRef={target}
            />
            {changing && (
              <button type="button" onClick={() => setChanging(false)}>
                Cancel
              </button>
            )}
          </>
        )}
        <p class="field-help" role="status" data-testid="account-mapping-status">
          {status}
        </p>
        {account.error && (
          <p class="error" role="alert">
            {account.error}
          </p>
        )}
      </section>
      <AccountPolicies
        policies={policies}
        error={error}
        companyName={record.companyName}
        suggestedPolicyIds={new Set(suggestions.map((suggestion) => suggestion.policyId))}
        mappedPolicyIds={account.mappedPolicyIds}
        currentPolicyId={account.mapping?.policyId ?? null}
        choosing={choosing}
        pickedPolicyId={picked?.policyId ?? null}
        onPick={pick}
        onMap={(policy) => void map(policy)}
      />
    </>
  );
}
