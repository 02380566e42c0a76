import { z } from 'zod';

/** Default API URLs: V2 paths are appended under `/api/v2`; the V1 URL already ends in `/api`. */
export const DEFAULT_V2_URL = 'https://api.addigy.com';
export const DEFAULT_V1_URL = 'https://prod.addigy.com/api';

/** Hosts that may be reached over plain http: a local test server never leaves the machine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const apiUrlSchema = z
  .string()
  .trim()
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (
        url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
      );
    },
    {
      message:
        'The API URL must start with https:// (plain http:// is accepted only for a local test server on this computer).',
    },
  )
  // Request paths are appended to the URL, so a query or fragment would swallow them, and a user
  // name or password in the URL makes fetch reject every request.
  .refine(
    (value) => {
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    },
    {
      message:
        'The API URL must not contain a ?query, a #fragment or a user name. Enter only the address, such as https://api.addigy.com.',
    },
  );

/** Credentials travel in HTTP headers, which take printable ASCII only. */
const MAX_CREDENTIAL_LENGTH = 4096;

function headerSafe(schema: z.ZodString, label: string) {
  return schema
    .max(
      MAX_CREDENTIAL_LENGTH,
      `The ${label} is longer than ${MAX_CREDENTIAL_LENGTH} characters. Copy it again from Addigy.`,
    )
    .regex(
      /^[\x21-\x7e]*$/,
      `The ${label} contains a space or a character that cannot be sent, such as a letter from another alphabet or an invisible character. Copy it again from Addigy > Account > Integrations.`,
    );
}

export const credentialsSchema = z.discriminatedUnion('apiVersion', [
  z.object({
    apiVersion: z.literal('v2'),
    apiUrl: apiUrlSchema,
    apiKey: headerSafe(
      z.string().trim().min(1, 'Paste the API key from Addigy > Account > Integrations.'),
      'API key',
    ),
  }),
  z.object({
    apiVersion: z.literal('v1'),
    apiUrl: apiUrlSchema,
    clientId: headerSafe(
      z.string().trim().min(1, 'Paste the client ID from Addigy > Account > Integrations.'),
      'client ID',
    ),
    clientSecret: headerSafe(
      z.string().trim().min(1, 'Paste the client secret from Addigy > Account > Integrations.'),
      'client secret',
    ),
  }),
]);

/** Addigy credentials with the API they belong to. Secret: only the service worker decrypts them. */
export type Credentials = z.infer<typeof credentialsSchema>;

/** Length below which a hint shows no characters, so that it reveals at most a quarter. */
const MIN_SECRET_LENGTH_FOR_HINT = 16;

/**
 * Returns the last four characters of the API key (V2) or client secret (V1), such as "…3f9a",
 * so that the UI can show which credentials are configured. A secret shorter than 16 characters
 * gets "…" alone. Nothing else of a secret leaves the vault.
 */
export function credentialHint(credentials: Credentials): string {
  const secret = credentials.apiVersion === 'v2' ? credentials.apiKey : credentials.clientSecret;
  if (secret.length < MIN_SECRET_LENGTH_FOR_HINT) return '…';
  return `…${secret.slice(-4)}`;
}
