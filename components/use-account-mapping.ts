/**
 * Loads and changes the account mapping of the PSA record that the side panel shows: the
 * mapping itself (the agreement's, else the company's) and which policies are mapped on the
 * record's PSA site. Each change calls `onChange`, so that the page can request its counts again.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountMapping, AccountMappingInput } from '../lib/mapping/account-mapping';
import { request } from '../lib/messaging/client';
import type { PanelRecord } from '../lib/side-panel/link';
import { recordProblem } from '../lib/side-panel/mapping-scope';

export interface AccountMappingState {
  mapping: AccountMapping | null;
  /** Policies that some record on this PSA site is mapped to. */
  mappedPolicyIds: ReadonlySet<string>;
  /** The last failed request, worded for the user. */
  error: string | null;
  /** Saves the mapping and returns the stored one, or null when saving failed. */
  save(input: AccountMappingInput): Promise<AccountMapping | null>;
  /** Deletes the record's current mapping; returns whether it succeeded. */
  remove(): Promise<boolean>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useAccountMapping(record: PanelRecord, onChange: () => void): AccountMappingState {
  const [mapping, setMapping] = useState<AccountMapping | null>(null);
  const [mappedPolicyIds, setMappedPolicyIds] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const usable = recordProblem(record) === null;
  const { psa, host, companyId, agreementId } = record;

  const load = useCallback(
    () =>
      Promise.all([
        request<AccountMapping | null>({
          type: 'accountMappings/forRecord',
          psa,
          host,
          companyId,
          agreementId,
        }),
        request<string[]>({ type: 'accountMappings/mappedPolicies', psa, host }),
      ]),
    [psa, host, companyId, agreementId],
  );
  const reload = async () => {
    const [found, policyIds] = await load();
    setMapping(found);
    setMappedPolicyIds(new Set(policyIds));
  };

  // A reply for a record the panel no longer shows, after a move to another record, is dropped.
  useEffect(() => {
    setMapping(null);
    setMappedPolicyIds(new Set());
    setError(null);
    if (!usable) return;
    let current = true;
    load().then(
      ([found, policyIds]) => {
        if (!current) return;
        setMapping(found);
        setMappedPolicyIds(new Set(policyIds));
      },
      (loadError: unknown) => {
        if (current) setError(messageOf(loadError));
      },
    );
    return () => {
      current = false;
    };
  }, [load, usable]);

  const save = async (input: AccountMappingInput) => {
    try {
      const saved = await request<AccountMapping>({ type: 'accountMappings/save', mapping: input });
      setError(null);
      onChange();
      await reload();
      return saved;
    } catch (saveError) {
      setError(messageOf(saveError));
      return null;
    }
  };

  const remove = async () => {
    if (!mapping) return false;
    try {
      await request({ type: 'accountMappings/delete', key: mapping.key });
      setError(null);
      onChange();
      await reload();
      return true;
    } catch (removeError) {
      setError(messageOf(removeError));
      return false;
    }
  };

  return { mapping, mappedPolicyIds, error, save, remove };
}
