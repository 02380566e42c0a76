/**
 * The fleet file: the policies and devices of one Addigy tenant, as the local server serves them.
 *
 * The format is part of the test fixtures' contract and must stay stable:
 *
 *     {"policies": [<V2 Policy: policyId, name, parent, orgid, ...>],
 *      "devices": [<V2 device item: {agentid, orgid, facts: {<identifier>: {type, value, error_msg}}}>]}
 *
 * Policies and devices keep any extra fields, and the server returns them unchanged. The facts
 * that the extension reads are checked for their value types; other facts are passed through.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** One V2 device fact, as `POST /api/v2/devices` returns it inside `facts`. */
export const deviceFactSchema = z.object({
  type: z.string(),
  value: z.unknown(),
  error_msg: z.string(),
});

const isoDateTime = z.iso.datetime({ offset: true });
const textValue = z.string().nullable();

/** The value type of each fact that the extension reads. */
const knownFactValues = {
  policy_id: textValue,
  policy_ids: z.array(z.string()).nullable(),
  serial_number: textValue,
  product_name: textValue,
  hardware_model: textValue,
  device_model_name: textValue,
  system_version: textValue,
  last_online: isoDateTime.nullable(),
  device_name: textValue,
} as const;

export type KnownFactIdentifier = keyof typeof knownFactValues;

export const KNOWN_FACT_IDENTIFIERS = Object.keys(knownFactValues) as KnownFactIdentifier[];

/**
 * The `type` string of each known fact.
 * NOTE: the V2 spec declares `type` as a free string and lists no values; these are a guess.
 */
export const FACT_TYPES: Record<KnownFactIdentifier, string> = {
  policy_id: 'string',
  policy_ids: 'list',
  serial_number: 'string',
  product_name: 'string',
  hardware_model: 'string',
  device_model_name: 'string',
  system_version: 'string',
  last_online: 'date',
  device_name: 'string',
};

const factsSchema = z.record(z.string(), deviceFactSchema).superRefine((facts, context) => {
  for (const identifier of KNOWN_FACT_IDENTIFIERS) {
    const fact = facts[identifier];
    if (fact === undefined) continue;
    const result = knownFactValues[identifier].safeParse(fact.value);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      context.addIssue({
        code: 'custom',
        path: [identifier, 'value', ...issue.path],
        message: issue.message,
      });
    }
  }
});

export const fleetPolicySchema = z.looseObject({
  policyId: z.string().min(1),
  name: z.string(),
  /** The parent's policyId; null, empty or absent for a root policy. */
  parent: z.string().nullable().optional(),
  orgid: z.string(),
});

export const fleetDeviceSchema = z.looseObject({
  agentid: z.string().min(1),
  orgid: z.string(),
  facts: factsSchema,
});

export const fleetSchema = z.object({
  policies: z.array(fleetPolicySchema),
  devices: z.array(fleetDeviceSchema),
});

export type DeviceFact = z.infer<typeof deviceFactSchema>;
export type FleetPolicy = z.infer<typeof fleetPolicySchema>;
export type FleetDevice = z.infer<typeof fleetDeviceSchema>;
export type Fleet = z.infer<typeof fleetSchema>;

/** Builds a fact with the type string that the server uses for that identifier. */
export function makeFact(identifier: KnownFactIdentifier, value: unknown): DeviceFact {
  return { type: FACT_TYPES[identifier], value, error_msg: '' };
}

/** Returns a fact's value as text, or null when the fact is absent or not a string. */
export function factText(device: FleetDevice, identifier: string): string | null {
  const value = device.facts[identifier]?.value;
  return typeof value === 'string' ? value : null;
}

/** Formats a zod path as it reads in the file, such as `devices[12].facts.last_online.value`. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(top level)' : text;
}

/**
 * Validates parsed JSON as a fleet. Throws an error that names the source, then each invalid
 * field by its path (entry index included) and what is wrong with it.
 */
export function parseFleet(json: unknown, source: string): Fleet {
  const result = fleetSchema.safeParse(json);
  if (result.success) return result.data;

  const problems = result.error.issues.map(
    (issue) => `  ${formatPath(issue.path)}: ${issue.message}`,
  );
  throw new Error(`Fleet file ${source} is invalid:\n${problems.join('\n')}`);
}

/** Reads and validates a fleet file. Errors name the file and, for invalid content, the field. */
export async function loadFleet(path: string): Promise<Fleet> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Fleet file ${path} could not be read: ${(error as Error).message}`, {
      cause: error,
    });
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Fleet file ${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseFleet(json, path);
}
