/**
 * Whether an account mapping from the side panel covers the whole PSA company or one agreement,
 * and the mapping that results. Each scope needs its record id from the page, because mappings
 * are keyed on ids, never on names.
 */
import type { AccountMapping, AccountMappingInput } from '../mapping/account-mapping';
import type { PanelRecord } from './link';

export type MappingScope = 'company' | 'agreement';

/**
 * Returns why the panel cannot save any mapping for `record`, or null when it can. The reasons
 * are worded for the user.
 */
export function recordProblem(record: PanelRecord): string | null {
  if (record.psa === '' || record.host === '') {
    return 'This page passed no PSA record to the panel, so no mapping can be saved here. Reload the page and open Mappings again.';
  }
  if (record.companyId === null && record.agreementId === null) {
    return 'This page shows no company ID or agreement ID, so no mapping can be saved: mappings are kept by ID because two companies can share a name. Open the agreement from its company record and try again.';
  }
  return null;
}

/** Returns, for each scope, null when the page shows its id, else why it cannot be chosen. */
export function scopeProblems(record: PanelRecord): Record<MappingScope, string | null> {
  return {
    company: record.companyId === null ? 'The page shows no company ID.' : null,
    agreement: record.agreementId === null ? 'The page shows no agreement ID.' : null,
  };
}

/** Returns the scope chosen at first: the whole company when its id is known. */
export function defaultScope(record: PanelRecord): MappingScope {
  return record.companyId !== null || record.agreementId === null ? 'company' : 'agreement';
}

/**
 * Returns the mapping of `record` in `scope` to `policy`. An agreement mapping keeps the company
 * id too, for display; its key is the agreement's.
 */
export function accountMappingFor(
  record: PanelRecord,
  policy: { policyId: string; name: string },
  scope: MappingScope,
): AccountMappingInput {
  return {
    psa: record.psa,
    host: record.host,
    companyId: record.companyId,
    agreementId: scope === 'agreement' ? record.agreementId : null,
    companyName: record.companyName,
    policyId: policy.policyId,
    policyName: policy.name,
  };
}

/** Describes what a stored mapping covers: "whole company (ID 250)", "this agreement (ID 17)". */
export function describeMappingScope(
  mapping: Pick<AccountMapping, 'companyId' | 'agreementId'>,
): string {
  if (mapping.agreementId !== null) return `this agreement only (ID ${mapping.agreementId})`;
  return `whole company (ID ${mapping.companyId})`;
}
