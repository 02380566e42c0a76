/**
 * A server on 127.0.0.1 that sends a 200 JSON response in chunks with a pause between them, or
 * drops the connection after the first chunk. The local Addigy server can only delay a whole
 * response, so this one covers timeouts and failures while the body is being read.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowBodyServerOptions {
  chunks: readonly string[];
  /** Pause before each chunk after the first, in milliseconds. */
  gapMs: number;
  /** Whether to destroy the connection right after the first chunk. */
  dropAfterFirstChunk?: boolean;
}

export interface SlowBodyServer {
  url: string;
  /** Requests received so far. */
  requestCount(): number;
  close(): Promise<void>;
}

export async function startSlowBodyServer(options: SlowBodyServerOptions): Promise<SlowBodyServer> {
  const pauses = new Set<NodeJS.Timeout>();
  let requestCount = 0;
  const pause = (milliseconds: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, milliseconds);
      pauses.add(timer);
    });

  const server = createServer(async (_request, response) => {
    requestCount++;
    response.writeHead(200, { 'content-type': 'application/json' });
    for (const [index, chunk] of options.chunks.entries()) {
      if (index > 0) await pause(options.gapMs);
      // The client may have given up during the pause.
      if (response.destroyed) return;
      response.write(chunk);
      if (options.dropAfterFirstChunk) {
        response.destroy();
        return;
      }
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const close = () =>
    new Promise<void>((resolve, reject) => {
      for (const timer of pauses) clearTimeout(timer);
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, requestCount: () => requestCount, close };
}
