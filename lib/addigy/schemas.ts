/**
 * zod schemas for every Addigy response the product reads. Objects allow unknown extra fields
 * (zod drops them), because Addigy adds fields without notice; only what counting needs is
 * required.
 */
import { z } from 'zod';

/** A policy as V1 `GET /policies` and V2 `POST /oa/policies/query` return it. */
/** Policy names longer than this are cut, so a runaway name cannot bloat snapshots or the UI. */
const MAX_POLICY_NAME_LENGTH = 200;

export const policySchema = z.object({
  policyId: z.string().min(1),
  name: z.string().transform((name) => name.slice(0, MAX_POLICY_NAME_LENGTH)),
  parent: z.string().nullish(),
});

/** V2 returns a bare array; some tenants and versions wrap it as `{items}`. */
export const v2PoliciesSchema = z.union([
  z.array(policySchema),
  z.object({ items: z.array(policySchema).nullable() }).transform((body) => body.items ?? []),
]);

export const v1PoliciesSchema = z.array(policySchema);

const factSchema = z
  .object({ type: z.string().nullish(), value: z.unknown(), error_msg: z.string().nullish() })
  .nullish();

export const v2DeviceSchema = z.object({
  agentid: z.string().min(1),
  facts: z.record(z.string(), factSchema).nullish(),
});

export const v2DevicesPageSchema = z.object({
  items: z.array(v2DeviceSchema).nullable(),
  metadata: z.object({
    page: z.number().int(),
    per_page: z.number().int(),
    page_count: z.number().int().nonnegative(),
    result_count: z.number().int().nonnegative().optional(),
    total: z.number().int().nonnegative(),
  }),
});

export const v2PermissionsSchema = z.array(z.string());

const nullableText = z.string().nullish();

/**
 * A V1 `GET /devices` element: around 150 human-readable keys, of which these are validated.
 * Unknown keys are kept, because the macOS version key changed its name between V1 versions
 * ("MAC OS X Version", later "macOS Version") and `fromV1Device` reads it from the extra keys
 * under either name. That key is only a fallback for "System Version", so it is not validated:
 * a string or number is read, and any other type is ignored instead of failing the sync.
 */
export const v1DeviceSchema = z.looseObject({
  agentid: z.string().min(1),
  policy_id: nullableText,
  'Policy ID': nullableText,
  'Serial Number': nullableText,
  'Product Name': nullableText,
  'Hardware Model': nullableText,
  'Device Model Name': nullableText,
  'System Version': nullableText,
  'Last Online': z.union([z.string(), z.number()]).nullish(),
  'Device Name': nullableText,
});

export const v1DevicesSchema = z.array(v1DeviceSchema);

export const v1ValidateSchema = z.object({ orgid: z.string() });

export type V2DevicesPage = z.infer<typeof v2DevicesPageSchema>;
export type V2Device = z.infer<typeof v2DeviceSchema>;
export type V1Device = z.infer<typeof v1DeviceSchema>;
