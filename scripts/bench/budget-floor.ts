/**
 * Bounds set by the request budget, for judging a measured sync: the shortest time in which the
 * budget lets a sync's requests finish, and the maximum number of requests in any window.
 */
import type { BudgetLimits } from '../../lib/addigy/budget';

export interface BudgetFloor {
  requests: number;
  /** The floor set by the starts allowed per window, in milliseconds. */
  windowFloorMs: number;
  /** The floor set by the requests allowed in flight at once, in milliseconds. */
  inFlightFloorMs: number;
  /** The larger of the two: no sync within the budget can be faster. */
  floorMs: number;
}

/**
 * Computes the shortest time in which `requests` requests that each take `latencyMs` can finish
 * within the budget's limits. Two limits apply, and the floor is the larger:
 *
 * - Starts per window. The budget starts at most `maxRequestsPerWindow` (R_w) requests in any
 *   `windowMs` plus `guardMs` (W), so request number k × R_w + 1 starts no earlier than k × W
 *   after the first. The last of N requests starts at (ceil(N / R_w) - 1) × W or later, and ends
 *   L later: (ceil(N / R_w) - 1) × W + L. For 1,001 requests at 300 per 10.25 s and 200 ms, that
 *   is 30.95 s.
 * - Requests in flight. At most `maxInFlight` (F) requests run at once, and each holds its slot
 *   for at least L, so N requests need ceil(N / F) × L. For 1,001 requests, 8 and 200 ms: 25.2 s.
 *
 * NOTE: the floor leaves out the order that a sync imposes (policies first, then page 1 to learn
 * the page count, then the other pages) and the time to parse and count. It also takes the larger
 * of the two limits instead of combining them: the N - (ceil(N / R_w) - 1) × R_w requests left
 * for the last window need ceil(left / F) × L after it opens, which makes 32.6 s in the example.
 */
export function budgetFloor(
  requests: number,
  latencyMs: number,
  limits: BudgetLimits,
): BudgetFloor {
  const windows = Math.ceil(requests / limits.maxRequestsPerWindow);
  const span = limits.windowMs + (limits.guardMs ?? 0);
  const windowFloorMs = requests === 0 ? 0 : (windows - 1) * span + latencyMs;
  const inFlightFloorMs = Math.ceil(requests / limits.maxInFlight) * latencyMs;
  return {
    requests,
    windowFloorMs,
    inFlightFloorMs,
    floorMs: Math.max(windowFloorMs, inFlightFloorMs),
  };
}

/**
 * Returns the maximum number of `times` that fall in any window of `windowMs` milliseconds. Each
 * window is open at its start and closed at its end, as `RequestBudget` counts its starts. Times
 * are in milliseconds and need not be sorted.
 */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((left, right) => left - right);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[first]! <= sorted[last]! - windowMs) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}
