import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUDGET_BOUNDS,
  DEFAULT_BUDGET,
  RequestBudget,
  type BudgetLimits,
} from '../../lib/addigy/budget';
import { maxStartsInAnyWindow } from './windows';

type Release = () => void;

/** Addigy's documented limit: 1,000 requests per 10 seconds, or the key is blocked for 24 hours. */
const ADDIGY_MAX_REQUESTS_PER_10_S = 1_000;

const limits = (overrides: Partial<BudgetLimits> = {}): BudgetLimits => ({
  maxRequestsPerWindow: 300,
  windowMs: 10_000,
  maxInFlight: 8,
  ...overrides,
});

/** A budget on the fake clock, which `vi.useFakeTimers` controls. */
const budgetWith = (overrides: Partial<BudgetLimits> = {}) =>
  new RequestBudget(limits(overrides), () => Date.now());

/** Runs pending promise callbacks and timers that are due now, without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Acquires a slot and appends `name` to `granted` once the slot is granted. */
async function acquireAs(
  budget: RequestBudget,
  name: string,
  granted: string[],
  signal?: AbortSignal,
): Promise<Release> {
  const release = await budget.acquire(signal);
  granted.push(name);
  return release;
}

/** Starts a request at the current fake time and ends it at once. */
async function startAndEnd(budget: RequestBudget): Promise<void> {
  const release = await budget.acquire();
  release();
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RequestBudget window', () => {
  it('window check counts each window', () => {
    expect(maxStartsInAnyWindow([0, 0, 0], 10_000)).toBe(3);
    expect(maxStartsInAnyWindow([10_000, 0, 9_999], 10_000)).toBe(2);
    expect(maxStartsInAnyWindow([0, 10_000, 20_000], 10_000)).toBe(1);
    expect(maxStartsInAnyWindow([], 10_000)).toBe(0);
  });

  it('spaces 1,000 starts 300 per window', async () => {
    const budget = budgetWith();
    const starts: number[] = [];
    const runs = Array.from({ length: 1_000 }, () =>
      budget.run(async () => {
        starts.push(Date.now());
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(runs);

    expect(starts).toHaveLength(1_000);
    expect(maxStartsInAnyWindow(starts, 10_000)).toBe(300);
    // A full window frees up when its oldest start leaves it, at start + 10,000 ms, and the
    // budget wakes 1 ms after that. So start i comes at floor(i / 300) * 10,001 ms.
    const expected = Array.from({ length: 1_000 }, (_, index) => Math.floor(index / 300) * 10_001);
    expect(starts).toEqual(expected);
    expect(starts[999]).toBe(30_003);
    expect(budget.stats()).toEqual({ started: 1_000, maxInAnyWindow: 300 });
  });

  it('guard delays reuse of a full window', async () => {
    const budget = budgetWith({ guardMs: 250 });
    const starts: number[] = [];
    const runs = Array.from({ length: 700 }, () =>
      budget.run(async () => {
        starts.push(Date.now());
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(runs);
    // Each window's slots come back 10,000 + 250 ms after its oldest start, plus the 1 ms wake.
    expect(starts).toEqual(
      Array.from({ length: 700 }, (_, index) => Math.floor(index / 300) * 10_251),
    );
    expect(maxStartsInAnyWindow(starts, 10_250)).toBe(300);
  });

  it('release in a full window grants nothing', async () => {
    const budget = budgetWith({ maxRequestsPerWindow: 2, windowMs: 1_000 });
    const starts: number[] = [];
    const runs = Array.from({ length: 7 }, () =>
      budget.run(async () => {
        starts.push(Date.now());
        // Each request lasts 300 ms, so later starts depend on releases and on the window.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(runs);

    expect(starts).toEqual([0, 0, 1_001, 1_001, 2_002, 2_002, 3_003]);
    expect(maxStartsInAnyWindow(starts, 1_000)).toBe(2);
  });

  it('stats report the busiest window', async () => {
    const budget = budgetWith({ maxRequestsPerWindow: 10, windowMs: 1_000, maxInFlight: 10 });
    // At 1,000 ms the window is (0, 1,000], so the four starts at 0 no longer count.
    const startTimes = [0, 0, 0, 0, 500, 500, 500, 1_000, 1_600, 1_600];
    for (const time of startTimes) {
      vi.setSystemTime(time);
      await startAndEnd(budget);
    }
    expect(budget.stats()).toEqual({ started: 10, maxInAnyWindow: 7 });
  });

  it("default spends a third of Addigy's limit", () => {
    expect(DEFAULT_BUDGET).toEqual({
      maxRequestsPerWindow: 300,
      windowMs: 10_000,
      maxInFlight: 8,
      guardMs: 250,
    });
    const perTenSeconds = (requests: number) => requests * (10_000 / DEFAULT_BUDGET.windowMs);
    expect(perTenSeconds(DEFAULT_BUDGET.maxRequestsPerWindow)).toBeLessThanOrEqual(
      ADDIGY_MAX_REQUESTS_PER_10_S / 3,
    );
    expect(perTenSeconds(BUDGET_BOUNDS.maxRequestsPerWindow.max)).toBeLessThanOrEqual(
      ADDIGY_MAX_REQUESTS_PER_10_S / 2,
    );
  });
});

describe('RequestBudget in flight', () => {
  it('holds at most maxInFlight slots', async () => {
    const budget = budgetWith({ maxInFlight: 8 });
    const starts: number[] = [];
    let inFlight = 0;
    let maxSeenInFlight = 0;
    const runs = Array.from({ length: 50 }, () =>
      budget.run(async () => {
        starts.push(Date.now());
        inFlight++;
        maxSeenInFlight = Math.max(maxSeenInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 100));
        inFlight--;
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(runs);

    expect(maxSeenInFlight).toBe(8);
    // Each freed slot goes to the next waiter at once, so eight requests start every 100 ms.
    expect(starts).toEqual(Array.from({ length: 50 }, (_, index) => Math.floor(index / 8) * 100));
    expect(budget.stats().started).toBe(50);
  });

  it('grants slots in arrival order', async () => {
    const budget = budgetWith({ maxInFlight: 1 });
    const granted: string[] = [];
    const first = await acquireAs(budget, 'first', granted);
    const waiters = ['a', 'b', 'c', 'd', 'e'].map((name) => acquireAs(budget, name, granted));
    await settle();
    expect(granted).toEqual(['first']);

    first();
    // A request that arrives after a slot is freed still queues behind the earlier waiters.
    const late = acquireAs(budget, 'late', granted);
    for (const waiter of waiters) (await waiter)();
    (await late)();
    expect(granted).toEqual(['first', 'a', 'b', 'c', 'd', 'e', 'late']);
  });

  it('grants in arrival order after a full window', async () => {
    const budget = budgetWith({ maxRequestsPerWindow: 2, windowMs: 1_000, maxInFlight: 10 });
    const granted: string[] = [];
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const releases = names.map((name) => acquireAs(budget, name, granted));
    await settle();
    expect(granted).toEqual(['a', 'b']);

    await vi.advanceTimersByTimeAsync(1_001);
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(granted).toEqual(names);
    for (const release of releases) (await release)();
  });

  it('second release frees nothing', async () => {
    const budget = budgetWith({ maxInFlight: 2 });
    const granted: string[] = [];
    const a = await acquireAs(budget, 'a', granted);
    const b = await acquireAs(budget, 'b', granted);
    const c = acquireAs(budget, 'c', granted);
    const d = acquireAs(budget, 'd', granted);
    await settle();
    expect(granted).toEqual(['a', 'b']);

    a();
    a();
    await settle();
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(budget.stats().started).toBe(3);

    b();
    await settle();
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    (await c)();
    (await d)();
  });
});

describe('RequestBudget abort', () => {
  it('aborted waiter rejects without a slot', async () => {
    const budget = budgetWith({ maxInFlight: 1 });
    const granted: string[] = [];
    const first = await acquireAs(budget, 'first', granted);
    const controller = new AbortController();
    const aborted = acquireAs(budget, 'aborted', granted, controller.signal);
    const next = acquireAs(budget, 'next', granted);

    const reason = new Error('Sync cancelled by the user.');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);

    first();
    (await next)();
    expect(granted).toEqual(['first', 'next']);
    expect(budget.stats().started).toBe(2);
  });

  it('aborted waiter leaves a full window', async () => {
    const budget = budgetWith({ maxRequestsPerWindow: 1, windowMs: 1_000 });
    const granted: string[] = [];
    await startAndEnd(budget);
    const controller = new AbortController();
    const aborted = acquireAs(budget, 'aborted', granted, controller.signal);
    const next = acquireAs(budget, 'next', granted);

    await vi.advanceTimersByTimeAsync(500);
    controller.abort(new Error('Stopped.'));
    await expect(aborted).rejects.toThrow('Stopped.');

    await vi.advanceTimersByTimeAsync(501);
    expect(granted).toEqual(['next']);
    (await next)();
    expect(budget.stats()).toEqual({ started: 2, maxInAnyWindow: 1 });
  });

  it('already aborted signal rejects', async () => {
    const budget = budgetWith();
    const reason = new Error('Already stopped.');
    const acquired = budget.acquire(AbortSignal.abort(reason));
    await expect(acquired).rejects.toBe(reason);
    await expect(budget.run(async () => 'ran', AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(budget.stats().started).toBe(0);
  });

  it('abort after the grant keeps the slot', async () => {
    const budget = budgetWith({ maxInFlight: 1 });
    const granted: string[] = [];
    const controller = new AbortController();
    const held = await acquireAs(budget, 'held', granted, controller.signal);
    const next = acquireAs(budget, 'next', granted);
    controller.abort();
    await settle();
    expect(granted).toEqual(['held']);

    held();
    (await next)();
    expect(granted).toEqual(['held', 'next']);
  });
});

describe('RequestBudget setLimits', () => {
  it('raising maxInFlight grants waiters', async () => {
    const budget = budgetWith({ maxInFlight: 1 });
    const granted: string[] = [];
    const releases = ['a', 'b', 'c'].map((name) => acquireAs(budget, name, granted));
    await settle();
    expect(granted).toEqual(['a']);

    budget.setLimits(limits({ maxInFlight: 3 }));
    await settle();
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(budget.getLimits().maxInFlight).toBe(3);
    for (const release of releases) (await release)();
  });

  it('lowering maxInFlight holds back waiters', async () => {
    const budget = budgetWith({ maxInFlight: 3 });
    const granted: string[] = [];
    const [a, b, c] = await Promise.all(
      ['a', 'b', 'c'].map((name) => acquireAs(budget, name, granted)),
    );
    const d = acquireAs(budget, 'd', granted);
    budget.setLimits(limits({ maxInFlight: 1 }));

    a!();
    await settle();
    b!();
    await settle();
    expect(granted).toEqual(['a', 'b', 'c']);

    c!();
    await settle();
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    (await d)();
  });

  it('raising maxRequestsPerWindow grants at once', async () => {
    const budget = budgetWith({ maxRequestsPerWindow: 2, windowMs: 10_000 });
    const granted: string[] = [];
    const releases = ['a', 'b', 'c'].map((name) => acquireAs(budget, name, granted));
    await settle();
    expect(granted).toEqual(['a', 'b']);

    budget.setLimits(limits({ maxRequestsPerWindow: 3, windowMs: 10_000 }));
    await settle();
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(Date.now()).toBe(0);
    for (const release of releases) (await release)();
  });

  it('lowering maxRequestsPerWindow delays starts', async () => {
    const budget = budgetWith({ maxRequestsPerWindow: 5, windowMs: 10_000 });
    for (let index = 0; index < 3; index++) await startAndEnd(budget);
    budget.setLimits(limits({ maxRequestsPerWindow: 3, windowMs: 10_000 }));

    const starts: number[] = [];
    const runs = Array.from({ length: 2 }, () =>
      budget.run(async () => {
        starts.push(Date.now());
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(runs);
    expect(starts).toEqual([10_001, 10_001]);
    expect(budget.stats()).toEqual({ started: 5, maxInAnyWindow: 3 });
  });
});

describe('RequestBudget restore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts the previous worker's starts", async () => {
    vi.setSystemTime(100_000);
    const budget = new RequestBudget(
      { maxRequestsPerWindow: 3, windowMs: 1_000, maxInFlight: 8 },
      () => Date.now(),
    );
    const saved: number[][] = [];
    // Two starts 500 ms ago and one from long ago, which no window includes any more.
    budget.restore([99_500, 99_500, 50_000], (starts) => saved.push([...starts]));
    const starts: number[] = [];
    const runs = Array.from({ length: 3 }, () =>
      budget.run(async () => {
        starts.push(Date.now());
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(runs);
    expect(starts).toEqual([100_000, 100_501, 100_501]);
    expect(saved.at(-1)).toEqual([100_000, 100_501, 100_501]);
  });
});
