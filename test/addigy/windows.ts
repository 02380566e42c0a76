/**
 * Returns the largest number of `starts` (times in milliseconds, in any order) that fall in one
 * window `[t, t + windowMs)`, over every `t`. The busiest window always begins at some start, so
 * checking the window that begins at each start checks them all.
 */
export function maxStartsInAnyWindow(starts: readonly number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}
