import { describe, expect, it } from 'vitest';
import { credentialsSchema } from '../../lib/vault/credentials';

describe('credentialsSchema API URL', () => {
  it.each([
    ['https://api.addigy.com', true],
    ['https://prod.addigy.com/api', true],
    ['http://127.0.0.1:4010', true],
    ['http://localhost:4010/api', true],
    ['http://api.addigy.com', false],
    ['http://192.168.1.5', false],
    ['ftp://api.addigy.com', false],
    ['javascript:alert(1)', false],
    ['api.addigy.com', false],
  ])('%s accepted: %s', (apiUrl, accepted) => {
    const result = credentialsSchema.safeParse({ apiVersion: 'v2', apiUrl, apiKey: 'key' });
    expect(result.success).toBe(accepted);
    if (!accepted) {
      expect(result.error?.issues[0]?.message).toBe(
        'The API URL must start with https:// (plain http:// is accepted only for a local test server on this computer).',
      );
    }
  });
});

describe('credentialsSchema API URL parts', () => {
  it.each([
    'https://api.addigy.com/?x=1',
    'https://api.addigy.com#frag',
    'https://user:pw@api.addigy.com',
    'https://user@api.addigy.com',
  ])('%s rejected', (apiUrl) => {
    const result = credentialsSchema.safeParse({ apiVersion: 'v2', apiUrl, apiKey: 'key' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'The API URL must not contain a ?query, a #fragment or a user name. Enter only the address, such as https://api.addigy.com.',
    );
  });
});

describe('credentialsSchema API key', () => {
  it.each([
    ['key\u200b', 'contains a space or a character that cannot be sent'],
    ['ключ', 'contains a space or a character that cannot be sent'],
    ['two words', 'contains a space or a character that cannot be sent'],
    ['k'.repeat(4097), 'longer than 4096 characters'],
    ['', 'Paste the API key from Addigy > Account > Integrations.'],
  ])('rejects %j', (apiKey, message) => {
    const result = credentialsSchema.safeParse({
      apiVersion: 'v2',
      apiUrl: 'https://api.addigy.com',
      apiKey,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
