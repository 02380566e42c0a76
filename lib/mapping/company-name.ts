/**
 * Normalises company names for matching a PSA company to an Addigy policy. Billing tools match
 * exact names automatically; everything looser here is only a suggestion that the user confirms.
 */

/**
 * Legal-form suffixes dropped before comparing, lower case without dots. Names keep their words
 * otherwise, so "Acme Dental" and "Acme Dental Group" stay different.
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'pty',
  'gmbh',
  'ag',
  'kg',
  'ug',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'oy',
  'as',
  'aps',
  'pc',
  'pllc',
]);

/**
 * Returns `name` in lower case without accents, punctuation, a leading "the" or trailing legal
 * forms: "Café Nova GmbH" and "cafe nova" both become "cafe nova". "&" counts as "and".
 */
export function normalizeCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dots inside abbreviations ("L.L.C.", "S.A.") join their letters before splitting.
    .replace(/(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}
