import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PATTERNS,
  reconcileContentScripts,
  type ScriptingPort,
} from '../../lib/psa-sites/content-scripts';
import { originMatchesPatterns, parseSiteOrigin } from '../../lib/psa-sites/sites';

describe('parseSiteOrigin', () => {
  it.each([
    ['na.myconnectwise.net', 'https://na.myconnectwise.net'],
    [' https://psa.example.com/v4_6_release/ConnectWise.aspx#abc ', 'https://psa.example.com'],
    ['https://psa.example.com:8443/x', 'https://psa.example.com'],
    ['http://localhost', 'http://localhost'],
    ['HTTPS://PSA.Example.COM', 'https://psa.example.com'],
  ])('reads %j', (input, expected) => {
    expect(parseSiteOrigin(input)).toBe(expected);
  });

  it.each([
    ['', '"" is not a web address. Enter the PSA\'s host, such as psa.example.com.'],
    [
      'intranet',
      '"intranet" is not a full host name. Enter it with its domain, such as psa.example.com.',
    ],
    [
      'ftp://psa.example.com',
      '"ftp://psa.example.com" is not a web address. Enter the PSA\'s host, such as psa.example.com.',
    ],
    [
      'javascript:alert(1)',
      '"javascript:alert(1)" is not a web address. Enter the PSA\'s host, such as psa.example.com.',
    ],
  ])('rejects %j', (input, message) => {
    expect(() => parseSiteOrigin(input)).toThrow(message);
  });
});

describe('originMatchesPatterns', () => {
  const patterns = [
    'https://*.myconnectwise.net/*',
    'https://psa.example.com/*',
    'http://127.0.0.1/*',
  ];
  it.each([
    ['https://na.myconnectwise.net', true],
    ['https://myconnectwise.net', true],
    ['https://evilmyconnectwise.net', false],
    ['https://na.myconnectwise.net.evil.example', false],
    ['http://na.myconnectwise.net', false],
    ['https://psa.example.com:8443', true],
    ['https://other.example.com', false],
    ['http://127.0.0.1:4321', true],
    ['not a url', false],
  ])('%s -> %s', (origin, expected) => {
    expect(originMatchesPatterns(origin, patterns)).toBe(expected);
  });
});

function fakePort(granted: string[], registered: string[] | null) {
  const calls: string[] = [];
  let current = registered;
  const port: ScriptingPort = {
    isGranted: async (pattern) => granted.includes(pattern),
    registeredMatches: async () => current,
    register: async (matches) => {
      calls.push(`register ${matches.join(' ')}`);
      current = matches;
    },
    unregister: async () => {
      calls.push('unregister');
      current = null;
    },
  };
  return { port, calls };
}

describe('reconcileContentScripts', () => {
  const site = 'https://psa.example.com';

  it('registers granted sites', async () => {
    const { port, calls } = fakePort([`${site}/*`], null);
    const result = await reconcileContentScripts([site], port);
    expect(result).toEqual({ matches: [...BUILT_IN_PATTERNS, `${site}/*`], revoked: [] });
    expect(calls).toEqual([`register ${[...BUILT_IN_PATTERNS, `${site}/*`].join(' ')}`]);
  });

  it('drops a revoked site', async () => {
    const { port, calls } = fakePort([], [...BUILT_IN_PATTERNS, `${site}/*`]);
    const result = await reconcileContentScripts([site], port);
    expect(result.revoked).toEqual([site]);
    expect(calls[0]).toBe('unregister');
    expect(calls.slice(1)).toEqual(
      BUILT_IN_PATTERNS.length > 0 ? [`register ${BUILT_IN_PATTERNS.join(' ')}`] : [],
    );
  });

  it('leaves an up-to-date registration alone', async () => {
    const { port, calls } = fakePort([`${site}/*`], [`${site}/*`, ...BUILT_IN_PATTERNS]);
    await reconcileContentScripts([site], port);
    expect(calls).toEqual([]);
  });
});
