/**
 * Runs the local Addigy server with a large fleet in a child process, so that the fleet's memory
 * and the server's work stay out of the benchmarked client's heap and event loop. The child is
 * `server-child.ts`. It inherits this process's `execArgv`, so it runs under tsx when this one
 * does. Callers must `stop()` the child, also when the benchmark fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoggedRequest } from '../addigy-server/server';

/** The fleet and latency that the child serves, sent to it as JSON in its first argument. */
export interface ServerProcessConfig {
  deviceCount: number;
  seed: number;
  /** The time `last_online` dates count back from, in milliseconds since the epoch. */
  now: number;
  latencyMs: number;
}

/** Messages from the child to this process. */
export type ChildMessage =
  { kind: 'ready'; url: string; policyCount: number } | { kind: 'log'; requests: LoggedRequest[] };

/** Messages from this process to the child. */
export type ParentMessage = { kind: 'send-log' };

export interface ServerProcess {
  /** Such as `http://127.0.0.1:41234`. */
  url: string;
  policyCount: number;
  /** Returns every request that the server has sent a response to so far. */
  requestLog(): Promise<LoggedRequest[]>;
  /** Asks the child to close the server and exit, and kills it if it has not exited in 5 s. */
  stop(): Promise<void>;
}

const CHILD_PATH = fileURLToPath(new URL('./server-child.ts', import.meta.url));
/** Generous, because the child builds the whole fleet first: about 1 s per 100,000 devices. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;

export async function startServerProcess(config: ServerProcessConfig): Promise<ServerProcess> {
  const child = fork(CHILD_PATH, [JSON.stringify(config)], { stdio: 'inherit' });
  let ready: Extract<ChildMessage, { kind: 'ready' }>;
  try {
    ready = await nextMessage(child, 'ready', START_TIMEOUT_MS);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url: ready.url,
    policyCount: ready.policyCount,
    requestLog: async () => {
      const reply = nextMessage(child, 'log', STOP_TIMEOUT_MS);
      child.send({ kind: 'send-log' } satisfies ParentMessage);
      return (await reply).requests;
    },
    stop: () => stopChild(child),
  };
}

/** Waits for the child's next message of `kind`; rejects when it exits or takes too long. */
function nextMessage<Kind extends ChildMessage['kind']>(
  child: ChildProcess,
  kind: Kind,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { kind: Kind }>> {
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: ChildMessage) => {
      if (message.kind !== kind) return;
      cleanUp();
      resolve(message as Extract<ChildMessage, { kind: Kind }>);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanUp();
      const reason = signal === null ? `exit code ${code}` : `signal ${signal}`;
      reject(
        new Error(
          `The benchmark's Addigy server process stopped (${reason}) before sending "${kind}".`,
        ),
      );
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(
        new Error(
          `The benchmark's Addigy server process sent no "${kind}" within ${timeoutMs / 1000} s.`,
        ),
      );
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Disconnects the child, which makes it close its server and exit. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill();
  });
}
