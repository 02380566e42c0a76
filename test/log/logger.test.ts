import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, redact, withoutSecrets } from '../../lib/log/logger';

describe('redact', () => {
  it.each([
    [
      'https://prod.addigy.com/api/devices?client_id=abc123&client_secret=s3cr3t',
      'https://prod.addigy.com/api/devices?client_id=[redacted]&client_secret=[redacted]',
    ],
    ['x-api-key: key-123456', 'x-api-key: [redacted]'],
    [
      '{"apiKey":"key-123456","apiUrl":"https://api.addigy.com"}',
      '{"apiKey":"[redacted]","apiUrl":"https://api.addigy.com"}',
    ],
    [
      '{"clientSecret":"abc","clientId":"def"}',
      '{"clientSecret":"[redacted]","clientId":"[redacted]"}',
    ],
    ['Sync 1a2b started.', 'Sync 1a2b started.'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});

describe('withoutSecrets', () => {
  it('removes plain and encoded forms', () => {
    expect(withoutSecrets('key a b/c+d and a%20b%2Fc%2Bd', ['a b/c+d'])).toBe(
      'key [redacted] and [redacted]',
    );
  });

  it('leaves values shorter than four characters', () => {
    expect(withoutSecrets('the key abc', ['abc'])).toBe('the key abc');
  });
});

describe('log', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('redacts credentials in messages and details', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    log.warn(
      'GET /devices?client_secret=hunter22 failed',
      { apiKey: 'key-98765' },
      new Error('x-api-key=key-98765'),
    );
    const printed = warn.mock.calls.flat().map(String).join(' ');
    expect(printed).not.toContain('hunter22');
    expect(printed).not.toContain('key-98765');
    expect(printed).toContain('[addigy-counts] GET /devices?client_secret=[redacted] failed');
  });
});
