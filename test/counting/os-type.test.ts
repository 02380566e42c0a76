import { describe, expect, it } from 'vitest';
import { MODEL_IDENTIFIER_PREFIXES, osTypeOf } from '../../lib/counting/os-type';
import type { OsType } from '../../lib/counting/types';
import { device } from './builders';

/** A record with no model facts, so each test sets only the facts it is about. */
const bare = device({ productName: null });

describe('osTypeOf', () => {
  it.each<[string, OsType]>([
    ['Mac14,2', 'macOS'],
    ['iMac21,1', 'macOS'],
    ['iMacPro1,1', 'macOS'],
    ['MacBookAir9,1', 'macOS'],
    ['MacBookPro18,3', 'macOS'],
    ['Macmini9,1', 'macOS'],
    ['MacPro7,1', 'macOS'],
    ['VirtualMac2,1', 'macOS'],
    ['iPhone14,5', 'iOS'],
    ['iPod9,1', 'iOS'],
    ['iPad8,3', 'iPadOS'],
    ['AppleTV11,1', 'tvOS'],
    ['Watch6,1', 'watchOS'],
    ['RealityDevice14,1', 'visionOS'],
  ])('product name %s is %s', (productName, expected) => {
    expect(osTypeOf({ ...bare, productName })).toBe(expected);
  });

  it.each<[string, OsType]>([
    ['iPad8,3', 'iPadOS'],
    ['Watch6,1', 'watchOS'],
  ])('hardware model %s is %s without product name', (hardwareModel, expected) => {
    expect(osTypeOf({ ...bare, hardwareModel })).toBe(expected);
  });

  it('hardware model used when product name unrecognised', () => {
    expect(osTypeOf({ ...bare, productName: 'x86_64', hardwareModel: 'iPhone14,5' })).toBe('iOS');
  });

  it('product name wins over other facts', () => {
    const record = {
      ...bare,
      productName: 'iPad8,3',
      hardwareModel: 'iPhone14,5',
      deviceModelName: 'iPhone',
      systemVersion: 'iOS 15.1 (19B74)',
    };
    expect(osTypeOf(record)).toBe('iPadOS');
  });

  it('model identifier trimmed', () => {
    expect(osTypeOf({ ...bare, productName: '  iPad8,3\t' })).toBe('iPadOS');
  });

  it.each(['ipad8,3', 'MACBOOKAIR9,1', 'imac21,1'])(
    'identifier %s is case-sensitive',
    (productName) => {
      expect(osTypeOf({ ...bare, productName })).toBe('other');
    },
  );

  it.each<[string, OsType]>([
    ['MacBook Air', 'macOS'],
    ['MacBook Pro', 'macOS'],
    ['iMac', 'macOS'],
    ['Mac mini', 'macOS'],
    ['Mac Studio', 'macOS'],
    ['Mac Pro', 'macOS'],
    ['iPhone 13', 'iOS'],
    ['iPod touch', 'iOS'],
    ['iPad Pro', 'iPadOS'],
    ['iPad', 'iPadOS'],
    ['Apple TV 4K', 'tvOS'],
    ['Apple Watch Series 6', 'watchOS'],
    ['Apple Vision Pro', 'visionOS'],
    [' ipad air ', 'iPadOS'],
  ])('marketing name %j is %s', (deviceModelName, expected) => {
    expect(osTypeOf({ ...bare, deviceModelName })).toBe(expected);
  });

  it('marketing name used when identifier unrecognised', () => {
    expect(osTypeOf({ ...bare, productName: 'ipad8,3', deviceModelName: 'iPad' })).toBe('iPadOS');
  });

  it.each<[string, OsType]>([
    ['macOS 14.1', 'macOS'],
    ['macOS 12.0.1 (21A559)', 'macOS'],
    ['Mac OS X 10.15', 'macOS'],
    ['OS X 10.11.6', 'macOS'],
    ['iOS 17.1', 'iOS'],
    ['iPadOS 17', 'iPadOS'],
    ['tvOS 17', 'tvOS'],
    ['watchOS 10', 'watchOS'],
    ['visionOS 1', 'visionOS'],
    [' iOS 15.1 (19B74) ', 'iOS'],
  ])('system version %j is %s', (systemVersion, expected) => {
    expect(osTypeOf({ ...bare, systemVersion })).toBe(expected);
  });

  it('iPad reporting iOS version is iOS', () => {
    const iPad = { ...bare, deviceModelName: 'iPad mini', systemVersion: 'iOS 15.1 (19B74)' };
    expect(osTypeOf(iPad)).toBe('iPadOS');
    expect(osTypeOf({ ...iPad, deviceModelName: null })).toBe('iOS');
  });

  it.each([
    ['no facts', {}],
    [
      'empty facts',
      { productName: '', hardwareModel: ' ', deviceModelName: '', systemVersion: '' },
    ],
    ['HomePod identifier', { productName: 'AudioAccessory5,1' }],
    ['simulator architecture', { productName: 'arm64' }],
    ['Windows version', { systemVersion: 'Windows 11' }],
    ['os word run on', { systemVersion: 'iOSX 1' }],
  ])('%s is other', (_case, facts) => {
    expect(osTypeOf({ ...bare, ...facts })).toBe('other');
  });

  it('prefix table order cannot matter', () => {
    for (const [prefix, osType] of MODEL_IDENTIFIER_PREFIXES) {
      for (const [other, otherOsType] of MODEL_IDENTIFIER_PREFIXES) {
        if (otherOsType !== osType)
          expect(other.startsWith(prefix), `${other} / ${prefix}`).toBe(false);
      }
    }
  });
});
