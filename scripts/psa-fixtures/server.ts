/**
 * A local web server for the PSA fixture pages under test/fixtures/psa, for end-to-end tests and
 * for trying the overlay by hand. It listens on 127.0.0.1 only. The real PSA paths listed in
 * `routes/` (such as ConnectWise's /v4_6_release/ConnectWise.aspx) serve their fixture file, so
 * the content script gets the same URL shape as on the real PSA. Every other path serves the
 * file of that name.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_ROUTES } from './routes';

/** The folder whose files the server serves, without a trailing separator. */
export const PSA_FIXTURES_ROOT = resolve(
  fileURLToPath(new URL('../../test/fixtures/psa/', import.meta.url)),
);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface PsaFixtureServer {
  /** The server's origin, such as "http://127.0.0.1:41234". */
  url: string;
  close(): Promise<void>;
}

/**
 * Returns the file that a request path names, or null when it names none: a path that leaves the
 * fixtures folder, or one that cannot be decoded. A path ending in "/" names its index.html.
 */
function resolveFixturePath(pathname: string): string | null {
  const route = FIXTURE_ROUTES.find((candidate) => candidate.path.test(pathname));
  if (route) return resolve(PSA_FIXTURES_ROOT, route.file);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.endsWith('/')) decoded += 'index.html';
  const file = resolve(PSA_FIXTURES_ROOT, `.${decoded}`);
  return file.startsWith(PSA_FIXTURES_ROOT + sep) ? file : null;
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(
      response,
      405,
      `Method ${request.method} is not allowed, because the fixtures are read-only.`,
    );
    return;
  }
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  const file = resolveFixturePath(pathname);
  const found = file !== null && (await stat(file).catch(() => null))?.isFile();
  if (!file || !found) {
    sendText(response, 404, `No PSA fixture at ${pathname}.`);
    return;
  }

  const body = await readFile(file);
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    // Tests edit fixtures between runs, and a cached copy would hide the change.
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the server on 127.0.0.1. With no port, or port 0, the system picks a free one, so read it
 * from the returned `url`.
 */
export async function startPsaFixtureServer(
  options: { port?: number } = {},
): Promise<PsaFixtureServer> {
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error(`PSA fixture server: ${request.method} ${request.url} failed:`, error);
      if (!response.headersSent) sendText(response, 500, 'The fixture could not be read.');
      else response.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
