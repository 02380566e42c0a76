/**
 * A small seeded pseudo-random generator (mulberry32), so that the demo fleet is the same on
 * every run and every machine. Not for anything that needs real randomness.
 */

const SERIAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const HEX_DIGITS = '0123456789abcdef';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A UUID in version 4 layout, made from this generator. */
  uuid(): string;
  /** Upper-case letters and digits without I and O, as Apple serial numbers use. */
  serialNumber(length: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty list.');
    return items[integer(0, items.length - 1)] as T;
  };
  const characters = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet.charAt(integer(0, alphabet.length - 1))).join('');

  return {
    next,
    integer,
    chance: (probability) => next() < probability,
    pick,
    uuid: () => {
      const hex = characters(HEX_DIGITS, 32);
      const variant = HEX_DIGITS.charAt(8 + integer(0, 3));
      return [
        hex.slice(0, 8),
        hex.slice(8, 12),
        `4${hex.slice(13, 16)}`,
        `${variant}${hex.slice(17, 20)}`,
        hex.slice(20, 32),
      ].join('-');
    },
    serialNumber: (length) => characters(SERIAL_ALPHABET, length),
  };
}
