/**
 * The one request budget for all Addigy traffic. Addigy allows 1,000 requests per 10 seconds and
 * blocks a key for 24 hours beyond that, so the default spends at most a third of it: 300 starts
 * in any sliding 10-second window, with at most 8 requests in flight. Retries take a slot like
 * any other request. Waiters are served in arrival order.
 */

export interface BudgetLimits {
  /** Request starts allowed in any window of `windowMs`. */
  maxRequestsPerWindow: number;
  windowMs: number;
  maxInFlight: number;
  /**
   * Extra wait beyond `windowMs` before a full window's slot is reused. Requests reach the
   * server a few milliseconds apart from when they start, so without it the server can see a
   * few more than `maxRequestsPerWindow` in one of its windows.
   */
  guardMs?: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  maxRequestsPerWindow: 300,
  windowMs: 10_000,
  maxInFlight: 8,
  guardMs: 250,
};

/** The settings accept values in these ranges; the top stays at half of Addigy's limit. */
export const BUDGET_BOUNDS = {
  maxRequestsPerWindow: { min: 10, max: 500 },
  maxInFlight: { min: 1, max: 16 },
} as const;

export interface BudgetStats {
  started: number;
  /** The maximum number of starts seen in any window of `windowMs`, for benchmarks and tests. */
  maxInAnyWindow: number;
}

type Release = () => void;

export class RequestBudget {
  private readonly starts: number[] = [];
  private readonly waiters: Array<() => void> = [];
  private inFlight = 0;
  private started = 0;
  private maxInAnyWindow = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private limits: BudgetLimits = DEFAULT_BUDGET,
    private readonly now: () => number = () => Date.now(),
  ) {}

  setLimits(limits: BudgetLimits): void {
    this.limits = limits;
    this.pump();
  }

  getLimits(): BudgetLimits {
    return this.limits;
  }

  stats(): BudgetStats {
    return { started: this.started, maxInAnyWindow: this.maxInAnyWindow };
  }

  /**
   * Counts `starts` (times in milliseconds) as if this budget had made them, so that a restarted
   * service worker does not spend a window that its previous run already spent. `onStart` is
   * called with the window's starts after each new start, for saving them.
   */
  restore(starts: readonly number[], onStart?: (starts: readonly number[]) => void): void {
    const since = this.now() - this.limits.windowMs - (this.limits.guardMs ?? 0);
    const recent = starts.filter((start) => Number.isFinite(start) && start > since);
    this.starts.unshift(...recent.sort((a, b) => a - b));
    this.onStart = onStart;
    this.pump();
  }

  private onStart: ((starts: readonly number[]) => void) | undefined;

  /** Waits for a slot and returns the function that frees it; call it exactly once. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Release>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.take());
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(grant);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(grant);
      this.pump();
    });
  }

  /** Runs `task` inside a slot. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  private take(): Release {
    const time = this.now();
    this.starts.push(time);
    this.onStart?.(this.starts);
    this.inFlight++;
    this.started++;
    const inWindow = this.starts.filter((start) => start > time - this.limits.windowMs).length;
    this.maxInAnyWindow = Math.max(this.maxInAnyWindow, inWindow);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.pump();
    };
  }

  /** Counts starts after `since`, dropping older ones that no window can include any more. */
  private startsSince(since: number): number {
    while (this.starts.length > 0 && this.starts[0]! <= since) this.starts.shift();
    return this.starts.length;
  }

  private pump(): void {
    while (this.waiters.length > 0 && this.inFlight < this.limits.maxInFlight) {
      const time = this.now();
      const span = this.limits.windowMs + (this.limits.guardMs ?? 0);
      const recent = this.startsSince(time - span);
      if (recent >= this.limits.maxRequestsPerWindow) {
        this.wakeAt(this.starts[0]! + span - time + 1);
        return;
      }
      this.waiters.shift()!();
    }
  }

  private wakeAt(delayMs: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(1, delayMs),
    );
  }
}

/** The budget every Addigy request in this context spends from. */
export const sharedBudget = new RequestBudget();
