/**
 * The first, simple service mapping: a PSA product id (such as "MDM-MAC") to the Addigy count it
 * bills, the total of a policy or one OS type.
 */
import { z } from 'zod';
import { SERVICES } from './services';
import { openExtensionDb } from '../storage/db';
import { MAX_PRODUCT_ID_LENGTH } from '../psa/billing';

export { SERVICES, SERVICE_LABELS, type Service } from './services';

export { MAX_PRODUCT_ID_LENGTH };

export const productMappingSchema = z.object({
  productId: z
    .string()
    .trim()
    .min(1, 'Enter the PSA product ID, such as MDM-MAC.')
    .max(MAX_PRODUCT_ID_LENGTH, `A product ID has at most ${MAX_PRODUCT_ID_LENGTH} characters.`),
  service: z.enum(SERVICES),
});

export type ProductMapping = z.infer<typeof productMappingSchema>;

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
