import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../lib/vault/credentials';
import { credentialHint } from '../../lib/vault/vault';

const v2 = (apiKey: string): Credentials => ({
  apiVersion: 'v2',
  apiUrl: 'https://api.addigy.com',
  apiKey,
});
const v1 = (clientSecret: string): Credentials => ({
  apiVersion: 'v1',
  apiUrl: 'https://prod.addigy.com/api',
  clientId: 'client-id-abcdefghijkl',
  clientSecret,
});

describe('credentialHint', () => {
  it.each([
    ['V2 API key', v2('0123456789abcdef01233f9a'), '…3f9a'],
    ['V2 key of exactly 16 characters', v2('0123456789ab3f9a'), '…3f9a'],
    ['V2 key of 15 characters', v2('0123456789a3f9a'), '…'],
    ['V1 client secret, not the client id', v1('fedcba9876543210fedcb00b'), '…b00b'],
    ['V1 short client secret', v1('short'), '…'],
  ])('%s gives %j', (_case, credentials, hint) => {
    expect(credentialHint(credentials)).toBe(hint);
  });
});
