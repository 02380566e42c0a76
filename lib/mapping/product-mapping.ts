/**
 * The first, simple service mapping: a PSA product id (such as "MDM-MAC") to the Addigy count it
 * bills, the total of a policy or one OS type.
 */
import { z } from 'zod';
import { OS_TYPES } from '../counting/types';
import { openExtensionDb } from '../storage/db';

export const SERVICES = ['total', ...OS_TYPES] as const;
export type Service = (typeof SERVICES)[number];

/** PSA product ids are short codes; the limit keeps page-controlled text small. */
export const MAX_PRODUCT_ID_LENGTH = 100;

export const productMappingSchema = z.object({
  productId: z
    .string()
    .trim()
    .min(1, 'Enter the PSA product ID, such as MDM-MAC.')
    .max(MAX_PRODUCT_ID_LENGTH, `A product ID has at most ${MAX_PRODUCT_ID_LENGTH} characters.`),
  service: z.enum(SERVICES),
});

export type ProductMapping = z.infer<typeof productMappingSchema>;

export const SERVICE_LABELS: Record<Service, string> = {
  total: 'Total devices',
  macOS: 'macOS devices',
  iOS: 'iOS devices',
  iPadOS: 'iPadOS devices',
  tvOS: 'tvOS devices',
  watchOS: 'watchOS devices',
  visionOS: 'visionOS devices',
  other: 'Other devices',
};

export async function listProductMappings(): Promise<ProductMapping[]> {
  const db = await openExtensionDb();
  return db.getAll('productMappings');
}

/** Stores the mapping; product ids compare case-sensitively, as the PSAs store them. */
export async function saveProductMapping(mapping: ProductMapping): Promise<void> {
  const db = await openExtensionDb();
  await db.put('productMappings', productMappingSchema.parse(mapping));
}

export async function deleteProductMapping(productId: string): Promise<void> {
  const db = await openExtensionDb();
  await db.delete('productMappings', productId);
}
