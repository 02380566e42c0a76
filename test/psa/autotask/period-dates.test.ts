import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  formatDayNumber,
  parsePeriodDate,
} from '../../../lib/psa/autotask/period-dates';

describe('parsePeriodDate', () => {
  it.each([
    ['6/15/2025', 20250615],
    ['06/15/2025', 20250615],
    ['12/31/2024', 20241231],
    ['2025-06-15', 20250615],
    ['2/29/2024', 20240229],
  ])('reads %s', (text, day) => {
    expect(parsePeriodDate(text)).toBe(day);
  });

  it.each(['', '15/06/2025', '2/29/2025', '2025-13-01', '2025-6-15', '15.06.2025', 'June 15'])(
    'rejects "%s"',
    (text) => {
      expect(parsePeriodDate(text)).toBeNull();
    },
  );
});

describe('dayNumberOf', () => {
  it('uses the local calendar day', () => {
    expect(dayNumberOf(new Date(2025, 0, 31, 23, 59))).toBe(20250131);
    expect(dayNumberOf(new Date(2025, 1, 1, 0, 0))).toBe(20250201);
  });

  it('formats as an ISO date', () => {
    expect(formatDayNumber(20250605)).toBe('2025-06-05');
  });
});
