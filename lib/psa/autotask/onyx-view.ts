/**
 * Reads which view the newer Autotask interface shows. Its single page,
 * /AutotaskOnyx/LandingPage, names the view in `view` and the record in `view-data`, which is
 * base64 of JSON such as {"contractId":29683964}. Moving to another contract changes
 * `view-data` with history.pushState, without a reload.
 */

/** The `view` of a contract's details. */
export const ONYX_CONTRACT_VIEW = 'umbrella-contract-details';

export type OnyxView =
  | { kind: 'other' }
  | { kind: 'contract'; contractId: string }
  /** A contract view whose `view-data` is missing or cannot be decoded. */
  | { kind: 'invalid'; viewData: string };

/**
 * Decodes base64 text to a UTF-8 string, or returns null when it is not base64. URL-safe base64
 * and missing padding are accepted. A space is read as "+", because URLSearchParams decodes an
 * unescaped "+" in a query string to a space.
 */
function decodeBase64(text: string): string | null {
  const standard = text.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return null;
  const unpadded = standard.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null;
  const padded = unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
  try {
    const bytes = Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Returns the contract id in decoded `view-data`, or null when it has none. */
function readContractId(json: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { contractId } = value as { contractId?: unknown };
  if (typeof contractId === 'number' && Number.isSafeInteger(contractId) && contractId > 0) {
    return String(contractId);
  }
  if (typeof contractId === 'string' && /^\d+$/.test(contractId)) return contractId;
  return null;
}

/** Returns the view that a LandingPage URL shows. */
export function readOnyxView(url: URL): OnyxView {
  if (url.searchParams.get('view') !== ONYX_CONTRACT_VIEW) return { kind: 'other' };
  const viewData = url.searchParams.get('view-data') ?? '';
  const json = decodeBase64(viewData);
  const contractId = json === null ? null : readContractId(json);
  return contractId === null ? { kind: 'invalid', viewData } : { kind: 'contract', contractId };
}
