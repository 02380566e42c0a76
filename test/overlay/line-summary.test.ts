import { describe, expect, it } from 'vitest';
import { compareCounts } from '../../lib/overlay/compare';
import { describeSummary, summarizeComparisons } from '../../lib/overlay/line-summary';

describe('summarizeComparisons', () => {
  it.each([
    ['no lines', [], { matching: 0, over: 0, under: 0, difference: 0 }],
    ['one match', [[12, 12]], { matching: 1, over: 0, under: 0, difference: 0 }],
    ['one over', [[15, 12]], { matching: 0, over: 1, under: 0, difference: 3 }],
    ['one under', [[9, 12]], { matching: 0, over: 0, under: 1, difference: -3 }],
    [
      'match, over and under',
      [
        [12, 12],
        [15, 12],
        [4, 6],
      ],
      { matching: 1, over: 1, under: 1, difference: 1 },
    ],
    [
      'over and under that cancel out',
      [
        [5, 2],
        [1, 4],
      ],
      { matching: 0, over: 1, under: 1, difference: 0 },
    ],
    [
      'fractions without float error',
      [
        [12.1, 12],
        [12.2, 12],
      ],
      { matching: 0, over: 2, under: 0, difference: 0.3 },
    ],
  ] as const)('%s', (_name, pairs, expected) => {
    const comparisons = pairs.map(([addigy, billed]) => compareCounts(addigy, billed));

    expect(summarizeComparisons(comparisons)).toEqual(expected);
  });
});

describe('describeSummary', () => {
  it.each([
    [
      'lines over',
      { matching: 2, over: 1, under: 0, difference: 3 },
      'Addigy: 2 lines match, 1 off, total difference +3',
    ],
    [
      'one line matching, lines under',
      { matching: 1, over: 0, under: 2, difference: -5 },
      'Addigy: 1 line matches, 2 off, total difference -5',
    ],
    [
      'differences that cancel out',
      { matching: 0, over: 1, under: 1, difference: 0 },
      'Addigy: 0 lines match, 2 off, total difference 0',
    ],
    [
      'every line matching',
      { matching: 3, over: 0, under: 0, difference: 0 },
      'Addigy: 3 lines match, 0 off, total difference 0',
    ],
    [
      'a large fractional difference',
      { matching: 0, over: 1, under: 0, difference: 1234.5 },
      'Addigy: 0 lines match, 1 off, total difference +1,234.5',
    ],
    [
      'no mapped lines',
      { matching: 0, over: 0, under: 0, difference: 0 },
      'Addigy: no mapped lines on this agreement',
    ],
  ])('%s', (_name, summary, text) => {
    expect(describeSummary(summary)).toBe(text);
  });
});
