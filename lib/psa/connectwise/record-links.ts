/**
 * Reads ConnectWise record ids from links in the page. ConnectWise's stable link to a record is
 * `<release>/services/system_io/router/openrecord.rails?recordType=AgreementFV&recid=<id>`, which
 * keeps working across releases, unlike the generated class names. Third-party tools also link to
 * `<release>/ConnectWise.aspx?routeTo=<record type>&recid=<id>`, which is read the same way.
 * Mappings key on these ids because two PSA companies can share a name.
 */

/** The record types whose ids the overlay reads, as ConnectWise spells them in links. */
export const RECORD_TYPES = {
  agreement: 'AgreementFV',
  // NOTE: "CompanyFV" comes from links that third-party tools build, not from a ConnectWise
  // page. The tools also spell it "CompanyFv", so record types are compared case-insensitively.
  company: 'CompanyFV',
} as const;

/** A record link's target. */
export interface RecordLink {
  /** The record type as the link spells it, such as "AgreementFV" or "ServiceFv". */
  recordType: string;
  recordId: string;
  /** The origin of the link's URL, such as "https://na.myconnectwise.net". */
  origin: string;
}

export interface RecordIds {
  agreementId: string | null;
  companyId: string | null;
}

/** Maximum length of an href, in characters. Record links are short, so longer ones are skipped. */
const MAX_HREF_LENGTH = 2048;

/** The parameter that names the record type, by the lower-cased last segment of the path. */
const TYPE_PARAMETERS: Readonly<Record<string, string>> = {
  'openrecord.rails': 'recordtype',
  'connectwise.aspx': 'routeto',
};

/** A record type such as "AgreementFV". Third-party links also spell one "Company.fv". */
const RECORD_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,63}$/;

/** A positive integer. The id 0 opens a new, empty record. */
const RECORD_ID = /^[1-9][0-9]{0,14}$/;

const RECORD_ID_PARAMETER = /recid=/i;
const AGREEMENT_TYPE = RECORD_TYPES.agreement.toLowerCase();
const COMPANY_TYPE = RECORD_TYPES.company.toLowerCase();

/** Returns the only value of the parameter `name`, matched case-insensitively, or null. */
function readOnlyParameter(query: URLSearchParams, name: string): string | null {
  const values = [...query].filter(([key]) => key.toLowerCase() === name);
  return values.length === 1 ? (values[0]?.[1] ?? null) : null;
}

/**
 * Parses a record link, absolute or relative to `baseUrl`. Returns null for other links, and for
 * record links whose record type or id is missing, repeated or malformed. An id must be a
 * positive integer.
 */
export function parseRecordLink(href: string, baseUrl: string): RecordLink | null {
  if (href.length > MAX_HREF_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(href, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;

  const lastSegment = url.pathname.slice(url.pathname.lastIndexOf('/') + 1).toLowerCase();
  const typeParameter = TYPE_PARAMETERS[lastSegment];
  if (!typeParameter) return null;

  const recordType = readOnlyParameter(url.searchParams, typeParameter);
  const recordId = readOnlyParameter(url.searchParams, 'recid');
  if (recordType === null || !RECORD_TYPE.test(recordType)) return null;
  if (recordId === null || !RECORD_ID.test(recordId)) return null;
  return { recordType, recordId, origin: url.origin };
}

function readOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Returns the only id in `ids`, or null when there are none or several. */
function readOnlyId(ids: Set<string>): string | null {
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/**
 * Finds the agreement and company ids that the record links under `root` point to. Only links to
 * the page's own origin count, because notes and emails shown in the page can contain any link.
 * An id is returned only when all links of its record type agree, because a page that links to
 * two agreements, such as a child and its parent, does not show which one is its own.
 *
 * NOTE: Which record links an agreement screen contains has not been checked on a live page. If it
 * links only to another agreement, that agreement's id is returned.
 */
export function findRecordIds(root: Document | Element): RecordIds {
  const doc = root.ownerDocument ?? (root as Document);
  // baseURI also resolves links in about:blank frames, which inherit their creator's base URL.
  const baseUrl = doc.baseURI;
  const pageOrigin = readOrigin(baseUrl);
  const agreementIds = new Set<string>();
  const companyIds = new Set<string>();

  for (const anchor of root.querySelectorAll('a[href]')) {
    const href = anchor.getAttribute('href') ?? '';
    // Skips the URL parser for the many links that cannot be record links.
    if (!RECORD_ID_PARAMETER.test(href)) continue;
    const link = parseRecordLink(href, baseUrl);
    if (!link || link.origin !== pageOrigin) continue;

    const recordType = link.recordType.toLowerCase();
    if (recordType === AGREEMENT_TYPE) agreementIds.add(link.recordId);
    else if (recordType === COMPANY_TYPE) companyIds.add(link.recordId);
  }
  return { agreementId: readOnlyId(agreementIds), companyId: readOnlyId(companyIds) };
}
