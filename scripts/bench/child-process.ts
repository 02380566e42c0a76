/**
 * Runs one measurement in a child process of its own, so that its heap contains nothing of the
 * parent's or of another measurement's. The parent calls `runInChild` with a script and a
 * JSON configuration. The script calls `serveAsChild` with the function to measure, whose return
 * value goes back to the parent over the IPC channel.
 *
 * The child inherits this process's `execArgv`, so it runs under tsx when this one does.
 */
import { fork } from 'node:child_process';

type ChildReply<Result> = { kind: 'result'; result: Result } | { kind: 'error'; message: string };

/**
 * Forks `script` with `config` and resolves with what it sends back. Rejects when the child
 * reports an error, exits first, or runs longer than `timeoutMs`, and kills it in the last case.
 */
export function runInChild<Config, Result>(
  script: URL,
  config: Config,
  timeoutMs: number,
): Promise<Result> {
  const child = fork(script, [JSON.stringify(config)], { stdio: 'inherit' });
  const name = script.pathname.split('/').pop();
  return new Promise<Result>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The benchmark child ${name} sent no result within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.once('message', (reply: ChildReply<Result>) => {
      clearTimeout(timer);
      if (reply.kind === 'result') resolve(reply.result);
      else reject(new Error(`The benchmark child ${name} failed: ${reply.message}`));
      child.disconnect();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const reason = signal === null ? `exit code ${code}` : `signal ${signal}`;
      reject(new Error(`The benchmark child ${name} stopped (${reason}) before sending a result.`));
    });
  });
}

/** Runs `measure` with the configuration the parent sent and sends its result back. */
export function serveAsChild<Config, Result>(measure: (config: Config) => Promise<Result>): void {
  if (process.send === undefined) {
    throw new Error(
      'This script measures for `npm run bench` and needs its IPC channel. Run npm run bench.',
    );
  }
  const config = JSON.parse(process.argv[2] ?? '{}') as Config;
  const send = (reply: ChildReply<Result>) => process.send!(reply);
  measure(config).then(
    (result) => send({ kind: 'result', result }),
    (error: unknown) =>
      send({
        kind: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
  process.once('disconnect', () => process.exit(0));
}
