/**
 * Derives a device's OS type. Addigy has no OS-type fact, so the type comes from the first of
 * these that is recognised: the model identifier (`productName`, then `hardwareModel`), the
 * marketing name (`deviceModelName`), then the system version.
 */
import type { DeviceRecord } from '../addigy/types';
import type { OsType } from './types';

/**
 * Model identifier prefixes, such as "MacBookAir9,1" or "iPad8,3". Apple writes identifiers in
 * fixed case, so the match is case-sensitive and "ipad8,3" is not recognised. No prefix starts
 * with another OS type's prefix ("iMac" does not start with "Mac"), so the order of the entries
 * never changes the result.
 */
export const MODEL_IDENTIFIER_PREFIXES: readonly (readonly [string, OsType])[] = [
  ['Mac', 'macOS'],
  ['iMac', 'macOS'],
  ['MacBook', 'macOS'],
  ['Macmini', 'macOS'],
  ['MacPro', 'macOS'],
  ['VirtualMac', 'macOS'],
  ['iPhone', 'iOS'],
  ['iPod', 'iOS'],
  ['iPad', 'iPadOS'],
  ['AppleTV', 'tvOS'],
  ['Watch', 'watchOS'],
  ['RealityDevice', 'visionOS'],
];

// Marketing names and system versions are display text whose capitalisation Apple has changed
// over the years ("iPod Touch", "iPod touch"), so these patterns ignore case.
const MARKETING_NAME_PATTERNS: readonly (readonly [RegExp, OsType])[] = [
  [/^i?Mac/i, 'macOS'],
  [/^(iPhone|iPod)/i, 'iOS'],
  [/^iPad/i, 'iPadOS'],
  [/^Apple TV/i, 'tvOS'],
  [/^Apple Watch/i, 'watchOS'],
  [/^Apple Vision/i, 'visionOS'],
];

// An iPad may report "iOS 15.1" here, so this fallback counts such an iPad as iOS.
const SYSTEM_VERSION_PATTERNS: readonly (readonly [RegExp, OsType])[] = [
  [/^(macOS|Mac OS X|OS X)(?![a-z])/i, 'macOS'],
  [/^iOS(?![a-z])/i, 'iOS'],
  [/^iPadOS(?![a-z])/i, 'iPadOS'],
  [/^tvOS(?![a-z])/i, 'tvOS'],
  [/^watchOS(?![a-z])/i, 'watchOS'],
  [/^visionOS(?![a-z])/i, 'visionOS'],
];

/**
 * Derives the OS type of a device record from its model facts. Returns 'other' when no fact is
 * recognised. Surrounding whitespace in the facts is ignored.
 */
export function osTypeOf(device: DeviceRecord): OsType {
  return (
    osTypeOfModelIdentifier(device.productName) ??
    osTypeOfModelIdentifier(device.hardwareModel) ??
    matchOsType(device.deviceModelName, MARKETING_NAME_PATTERNS) ??
    matchOsType(device.systemVersion, SYSTEM_VERSION_PATTERNS) ??
    'other'
  );
}

function osTypeOfModelIdentifier(identifier: string | null): OsType | undefined {
  const trimmed = identifier?.trim();
  if (!trimmed) return undefined;
  return MODEL_IDENTIFIER_PREFIXES.find(([prefix]) => trimmed.startsWith(prefix))?.[1];
}

function matchOsType(
  text: string | null,
  patterns: readonly (readonly [RegExp, OsType])[],
): OsType | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return patterns.find(([pattern]) => pattern.test(trimmed))?.[1];
}
