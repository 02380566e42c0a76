import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPsaFixtureServer, type PsaFixtureServer } from '../../scripts/psa-fixtures/server';

let server: PsaFixtureServer;

beforeAll(async () => {
  server = await startPsaFixtureServer();
});

afterAll(async () => {
  await server.close();
});

describe('PSA fixture server', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['/v4_6_release/ConnectWise.aspx?recid=4230', '/v2025_1/connectwise.aspx'])(
    'serves the agreement at %s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toContain('<div id="cw-app" data-fixture-state="loading">');
    },
  );

  it('serves the page script as JavaScript', async () => {
    const response = await fetch(`${server.url}/connectwise/agreement-page.js`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves the index page', async () => {
    const response = await fetch(`${server.url}/`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>PSA fixtures</title>');
  });

  it.each(['/missing.html', '/..%2f..%2fpackage.json', '/%E0%A4%A', '/connectwise'])(
    'returns 404 for %s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);

      expect(response.status).toBe(404);
    },
  );

  it('rejects POST', async () => {
    const response = await fetch(`${server.url}/`, { method: 'POST' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
