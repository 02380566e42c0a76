import { z } from 'zod';

/** Default API URLs: V2 paths are appended under `/api/v2`; the V1 URL already ends in `/api`. */
export const DEFAULT_V2_URL = 'https://api.addigy.com';
export const DEFAULT_V1_URL = 'https://prod.addigy.com/api';

const apiUrlSchema = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'The API URL must start with https:// (or http:// for a local test server).',
  });

export const credentialsSchema = z.discriminatedUnion('apiVersion', [
  z.object({
    apiVersion: z.literal('v2'),
    apiUrl: apiUrlSchema,
    apiKey: z.string().trim().min(1, 'Paste the API key from Addigy > Account > Integrations.'),
  }),
  z.object({
    apiVersion: z.literal('v1'),
    apiUrl: apiUrlSchema,
    clientId: z.string().trim().min(1, 'Paste the client ID from Addigy > Account > Integrations.'),
    clientSecret: z
      .string()
      .trim()
      .min(1, 'Paste the client secret from Addigy > Account > Integrations.'),
  }),
]);

/** Addigy credentials with the API they belong to. Secret: only the service worker holds them. */
export type Credentials = z.infer<typeof credentialsSchema>;
