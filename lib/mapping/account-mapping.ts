/**
 * Account mappings: a PSA company, or one of its agreements, to an Addigy account policy. They
 * are keyed by the PSA site and the PSA's record ids, never by names, because two companies can
 * share a name and either side can be renamed. The names kept beside the ids are only for
 * display, as last seen.
 */
import { z } from 'zod';
import { openExtensionDb } from '../storage/db';

const MAX_TEXT = 200;

export const accountMappingInputSchema = z
  .object({
    psa: z.string().min(1).max(40),
    /** The PSA site's host, such as "na.myconnectwise.net". */
    host: z.string().min(1).max(253),
    companyId: z.string().min(1).max(100).nullable(),
    /** Set to map one agreement instead of the whole company. */
    agreementId: z.string().min(1).max(100).nullable(),
    companyName: z.string().max(MAX_TEXT),
    policyId: z.string().min(1).max(100),
    policyName: z.string().max(MAX_TEXT),
  })
  .refine((mapping) => mapping.companyId !== null || mapping.agreementId !== null, {
    message: 'A mapping needs the PSA company id or agreement id; names alone are not kept.',
    path: ['companyId'],
  });

export type AccountMappingInput = z.infer<typeof accountMappingInputSchema>;

export interface AccountMapping extends AccountMappingInput {
  /** `psa|host|agreement:<id>` or `psa|host|company:<id>`. */
  key: string;
  updatedAt: number;
}

export function accountMappingKey(
  mapping: Pick<AccountMappingInput, 'psa' | 'host' | 'companyId' | 'agreementId'>,
): string {
  const record =
    mapping.agreementId !== null
      ? `agreement:${mapping.agreementId}`
      : `company:${mapping.companyId}`;
  return `${mapping.psa}|${mapping.host.toLowerCase()}|${record}`;
}

export async function saveAccountMapping(
  input: AccountMappingInput,
  now = Date.now(),
): Promise<AccountMapping> {
  const parsed = accountMappingInputSchema.parse(input);
  const mapping: AccountMapping = {
    ...parsed,
    host: parsed.host.toLowerCase(),
    key: accountMappingKey(parsed),
    updatedAt: now,
  };
  const db = await openExtensionDb();
  await db.put('accountMappings', mapping);
  return mapping;
}

export async function listAccountMappings(): Promise<AccountMapping[]> {
  const db = await openExtensionDb();
  return db.getAll('accountMappings');
}

export async function deleteAccountMapping(key: string): Promise<void> {
  const db = await openExtensionDb();
  await db.delete('accountMappings', key);
}

/**
 * Finds the mapping for a record on a PSA page: the agreement's own mapping first, then the
 * company's. Returns null when neither is mapped.
 */
export async function findAccountMapping(record: {
  psa: string;
  host: string;
  companyId: string | null;
  agreementId: string | null;
}): Promise<AccountMapping | null> {
  const db = await openExtensionDb();
  const keys: string[] = [];
  if (record.agreementId !== null) keys.push(accountMappingKey({ ...record, companyId: null }));
  if (record.companyId !== null) keys.push(accountMappingKey({ ...record, agreementId: null }));
  for (const key of keys) {
    const mapping = await db.get('accountMappings', key);
    if (mapping) return mapping;
  }
  return null;
}
