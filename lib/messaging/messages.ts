/**
 * Every runtime message the background accepts, as one zod discriminated union on `type`.
 * Anything that does not parse is dropped, so a new message must be added here first.
 */
import { z } from 'zod';
import { credentialsSchema } from '../vault/credentials';
import { productMappingSchema, MAX_PRODUCT_ID_LENGTH } from '../mapping/product-mapping';
import { syncSettingsSchema } from '../settings/settings';

/** Company names read from a PSA page are cut to this length before they are sent. */
export const MAX_COMPANY_NAME_LENGTH = 200;
/** An agreement rarely has more than a few dozen lines; more is treated as hostile. */
export const MAX_PRODUCT_IDS = 200;

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
  }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

/** Every reply: the data, or an error worded for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
