/**
 * Export and import of mappings as JSON. An import is checked whole before anything is written,
 * and written in one transaction, so an invalid file changes nothing and the error names the
 * entry and field that are wrong. Credentials are never part of it.
 */
import { z } from 'zod';
import { openExtensionDb } from '../storage/db';
import {
  accountMappingInputSchema,
  accountMappingKey,
  type AccountMapping,
} from './account-mapping';
import { productMappingSchema, type ProductMapping } from './product-mapping';

export const MAPPINGS_FILE_VERSION = 1;
/** Far above any real MSP's mapping count; keeps a hostile file from filling the database. */
const MAX_ENTRIES = 20_000;

/** The two mapping lists, shared by the mappings file and the settings file. */
export const mappingListsShape = {
  accountMappings: z.array(accountMappingInputSchema).max(MAX_ENTRIES),
  productMappings: z.array(productMappingSchema).max(MAX_ENTRIES),
};

type MappingLists = z.infer<z.ZodObject<typeof mappingListsShape>>;

const mappingsFileSchema = z.object({
  format: z.literal('addigy-psa-counts/mappings'),
  version: z.literal(MAPPINGS_FILE_VERSION),
  ...mappingListsShape,
});

export type MappingsFile = z.infer<typeof mappingsFileSchema>;

export async function exportMappings(): Promise<MappingsFile> {
  const db = await openExtensionDb();
  const [accounts, products] = await Promise.all([
    db.getAll('accountMappings'),
    db.getAll('productMappings'),
  ]);
  return {
    format: 'addigy-psa-counts/mappings',
    version: MAPPINGS_FILE_VERSION,
    accountMappings: accounts.map(({ key: _key, updatedAt: _updatedAt, ...mapping }) => mapping),
    productMappings: products,
  };
}

/** Checks `json` and, only when every entry is valid, replaces or adds its mappings. */
export async function importMappings(
  json: unknown,
  now = Date.now(),
): Promise<{ accounts: number; products: number }> {
  const parsed = mappingsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    throw new Error(
      `The mappings file is invalid at ${where}: ${issue.message} Nothing was imported.`,
    );
  }
  return writeMappings(parsed.data, now);
}

/** Replaces or adds the checked `lists` in one transaction, so a failed write adds none. */
export async function writeMappings(
  lists: MappingLists,
  now = Date.now(),
): Promise<{ accounts: number; products: number }> {
  const db = await openExtensionDb();
  const transaction = db.transaction(['accountMappings', 'productMappings'], 'readwrite');
  for (const mapping of lists.accountMappings) {
    const record: AccountMapping = {
      ...mapping,
      host: mapping.host.toLowerCase(),
      key: accountMappingKey(mapping),
      updatedAt: now,
    };
    await transaction.objectStore('accountMappings').put(record);
  }
  for (const mapping of lists.productMappings as ProductMapping[]) {
    await transaction.objectStore('productMappings').put(mapping);
  }
  await transaction.done;
  return { accounts: lists.accountMappings.length, products: lists.productMappings.length };
}
