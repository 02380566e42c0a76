/**
 * Serial queues for vault work. Only the background service worker uses the vault, so in-memory
 * queues are enough to keep a key change from interleaving with a credential read or write.
 * IndexedDB transactions cannot do it alone, because they commit at the first WebCrypto await.
 */

/** Runs tasks one at a time in call order. A failed task does not stop the ones after it. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Drops the queue's memory of earlier tasks, as a restarted service worker would. */
  reset(): void;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
    reset() {
      tail = Promise.resolve();
    },
  };
}

/** Every read or write of keys, the lock record, the unlocked session and credential records. */
export const vaultQueue = createSerialQueue();

/**
 * Passphrase attempts, including their failure delays, so that concurrent guesses wait in turn.
 * It is separate from `vaultQueue` so that a 30-second delay does not hold up credential reads.
 */
export const attemptQueue = createSerialQueue();
