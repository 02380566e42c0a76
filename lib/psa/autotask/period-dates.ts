/**
 * Dates of Autotask service periods, compared as calendar days. A day is the number
 * year * 10000 + month * 100 + day (20250615), so that time zones and clock times play no part.
 */

/** A calendar day as a sortable number, such as 20250615. */
export type DayNumber = number;

// NOTE: Only en-US dates (6/15/2025, 06/15/2025) and ISO dates (2025-06-15) are read. A user
// whose Autotask shows day first (15/06/2025) gets unreadable dates when the day is above 12,
// and wrong ones otherwise, because 01/06/2025 reads as January 6.
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the day of a local date. */
export function dayNumberOf(date: Date): DayNumber {
  return date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();
}

/** Formats a day as an ISO date, for messages. */
export function formatDayNumber(day: DayNumber): string {
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** Parses a date as the page shows it, or returns null for other text and for invalid days. */
export function parsePeriodDate(text: string): DayNumber | null {
  const us = US_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  const parts = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return dayNumberOf(date);
}
