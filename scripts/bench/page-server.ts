/**
 * Serves the overlay benchmark's page on 127.0.0.1: `pages/agreement-bench.html` at the
 * ConnectWise app path, its script, and the fixture modules it imports from
 * test/fixtures/psa/connectwise and test/fixtures/psa/shared, read-only. Any other path is a 404.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A ConnectWise release path, so that the ConnectWise adapter takes the page. */
export const AGREEMENT_PATH = '/v4_6_release/ConnectWise.aspx';

const FIXTURE_MODULES = {
  connectwise: ['agreement-data.js', 'agreement-screen.js', 'agreement-state.js'],
  shared: ['fixture-params.js', 'edit-mode.js'],
};

function fileFor(pathname: string): URL | null {
  if (pathname === AGREEMENT_PATH) return new URL('./pages/agreement-bench.html', import.meta.url);
  if (pathname === '/bench/agreement-bench.js') {
    return new URL('./pages/agreement-bench.js', import.meta.url);
  }
  for (const [folder, modules] of Object.entries(FIXTURE_MODULES)) {
    const module = modules.find((name) => pathname === `/${folder}/${name}`);
    if (module) return new URL(`../../test/fixtures/psa/${folder}/${module}`, import.meta.url);
  }
  return null;
}

export interface PageServer {
  /** Such as http://127.0.0.1:41234. */
  url: string;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = fileFor(pathname);
    if (file === null) {
      response
        .writeHead(404, { 'content-type': 'text/plain' })
        .end(`No benchmark page at ${pathname}.`);
      return;
    }
    readFile(fileURLToPath(file)).then(
      (body) => {
        const type = pathname.endsWith('.js') ? 'text/javascript' : 'text/html';
        response.writeHead(200, {
          'content-type': `${type}; charset=utf-8`,
          'cache-control': 'no-store',
        });
        response.end(body);
      },
      (error: unknown) => {
        console.error(`Benchmark page server: reading ${pathname} failed:`, error);
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
