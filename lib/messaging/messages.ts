/**
 * Every runtime message the background accepts, as one zod discriminated union on `type`.
 * Anything that does not parse is dropped, so a new message must be added here first.
 */
import { z } from 'zod';
import { credentialsSchema } from '../vault/credentials';
import { productMappingSchema, MAX_PRODUCT_ID_LENGTH } from '../mapping/product-mapping';
import { MAX_PRODUCT_IDS } from '../psa/billing';
import { syncSettingsSchema } from '../settings/settings';
import { accountMappingInputSchema } from '../mapping/account-mapping';
import { MAX_BILLED_QUANTITY } from '../psa/billing';

/** Company names read from a PSA page are cut to this length before they are sent. */
export const MAX_COMPANY_NAME_LENGTH = 200;
export { MAX_PRODUCT_IDS };

/** A PSA record as the side panel names it, with the limits of a stored account mapping. */
const psaRecord = {
  psa: z.string().min(1).max(40),
  /** The PSA page's host name, checked against the PSA sites by the handler. */
  host: z.string().min(1).max(253),
  companyId: z.string().min(1).max(100).nullable(),
  agreementId: z.string().min(1).max(100).nullable(),
};

/** Passphrases are typed by people; the limit only keeps hostile payloads small. */
const passphrase = z.string().min(1).max(1024);

export const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync/start') }),
  z.object({ type: z.literal('state/get') }),
  z.object({ type: z.literal('credentials/authenticate'), credentials: credentialsSchema }),
  z.object({ type: z.literal('credentials/forget') }),
  z.object({
    type: z.literal('settings/update'),
    changes: syncSettingsSchema.partial(),
  }),
  z.object({ type: z.literal('panel/policies') }),
  z.object({ type: z.literal('mappings/list') }),
  z.object({ type: z.literal('mappings/save'), mapping: productMappingSchema }),
  z.object({
    type: z.literal('mappings/delete'),
    productId: z.string().max(MAX_PRODUCT_ID_LENGTH),
  }),
  z.object({ type: z.literal('accountMappings/forRecord'), ...psaRecord }),
  z.object({
    type: z.literal('accountMappings/mappedPolicies'),
    psa: psaRecord.psa,
    host: psaRecord.host,
  }),
  z.object({ type: z.literal('accountMappings/save'), mapping: accountMappingInputSchema }),
  /** `key` is an account mapping's key, such as "connectwise|na.myconnectwise.net|company:250". */
  z.object({ type: z.literal('accountMappings/delete'), key: z.string().min(1).max(500) }),
  z.object({ type: z.literal('accountMappings/list') }),
  z.object({ type: z.literal('mappings/export') }),
  /** The parsed JSON of a mappings file, checked whole by `importMappings`. */
  z.object({ type: z.literal('mappings/import'), file: z.unknown() }),
  z.object({ type: z.literal('vault/unlock'), passphrase: passphrase }),
  z.object({ type: z.literal('vault/lock') }),
  z.object({
    type: z.literal('vault/enablePassphrase'),
    passphrase: passphrase,
    autoLockMinutes: z.number().int().min(1).max(1440),
  }),
  z.object({ type: z.literal('vault/disablePassphrase'), passphrase: passphrase }),
  z.object({ type: z.literal('vault/forgetPassphrase') }),
  z.object({ type: z.literal('psaSites/add'), origin: z.string().max(300) }),
  z.object({ type: z.literal('psaSites/remove'), origin: z.string().max(300) }),
  z.object({
    type: z.literal('overlay/counts'),
    /** The adapter's id, such as "connectwise". */
    psa: z.string().max(40),
    companyName: z.string().max(MAX_COMPANY_NAME_LENGTH),
    companyId: z.string().max(100).nullable(),
    agreementId: z.string().max(100).nullable(),
    productIds: z.array(z.string().max(MAX_PRODUCT_ID_LENGTH)).max(MAX_PRODUCT_IDS),
    /**
     * The billed quantity of each product id, at the same index, summed over its billed lines.
     * The handler ignores them unless there is exactly one per product id.
     */
    quantities: z
      .array(z.number().finite().min(-MAX_BILLED_QUANTITY).max(MAX_BILLED_QUANTITY))
      .max(MAX_PRODUCT_IDS)
      .optional(),
  }),
  z.object({ type: z.literal('settings/export') }),
  /** The parsed JSON of a settings file, checked whole by `importSettingsFile`. */
  z.object({ type: z.literal('settings/import'), file: z.unknown() }),
  z.object({ type: z.literal('diagnostics/history') }),
  z.object({ type: z.literal('diagnostics/log') }),
  /** The popup's reconciliation of mapped clients and the trend of each account policy. */
  z.object({ type: z.literal('popup/workspace') }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

/** Every reply: the data, or an error worded for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
