import type { z } from 'zod';

/**
 * Describes a zod issue by its path and zod's default message ("Invalid input: expected string,
 * received number"). Those messages name types and expected values but never the received
 * value, which may be data that must not reach a log.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? formatPath(issue.path) : '(the whole body)';
  return `field ${path}: ${issue.message}`;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = String(part);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}
