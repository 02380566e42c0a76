/**
 * The vendor services a PSA line can be mapped to: a policy's total or one OS type. Kept apart
 * from the stored mappings so the content script can name services without bundling zod or idb.
 */
import { OS_TYPES } from '../counting/types';

export const SERVICES = ['total', ...OS_TYPES] as const;
export type Service = (typeof SERVICES)[number];

export const SERVICE_LABELS: Record<Service, string> = {
  total: 'Total devices',
  macOS: 'macOS devices',
  iOS: 'iOS devices',
  iPadOS: 'iPadOS devices',
  tvOS: 'tvOS devices',
  watchOS: 'watchOS devices',
  visionOS: 'visionOS devices',
  other: 'Other devices',
};
