/**
 * Heap measurements for benchmarks: a forced garbage collection for a clean baseline, and a
 * sampler that records the highest `heapUsed` while a task runs.
 *
 * `heapUsed` counts dead objects until V8 collects them, so a peak is an upper bound on the live
 * heap and varies with when collections happen to run.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection. Node exposes `gc` only with `--expose-gc`. Setting that flag at
 * run time makes `gc` available only in contexts created afterwards, so this creates one.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

export interface HeapSampler {
  /** Reads the heap now, for example after a step that blocks the event loop. */
  sample(): void;
  /** Stops sampling and returns the highest `heapUsed` seen, in bytes. */
  stop(): number;
}

/** Starts reading `heapUsed` every `intervalMs` milliseconds; timers only fire between tasks. */
export function startHeapSampler(intervalMs = 50): HeapSampler {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
