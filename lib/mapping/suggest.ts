/**
 * Suggests Addigy account policies for a PSA company. An exact name is a match that billing
 * tools apply automatically; a name equal after normalising, or a close spelling, is only a
 * suggestion with the reason shown, applied when the user confirms it.
 */
import leven from 'leven';
import { normalizeCompanyName } from './company-name';

export interface PolicyChoice {
  policyId: string;
  name: string;
}

export type MatchKind = 'exact' | 'normalized' | 'similar';

export interface PolicySuggestion extends PolicyChoice {
  kind: MatchKind;
  /** Why it matched, for the user: "Same name", "Same name apart from case, …". */
  reason: string;
  /** Letters that differ after normalising; 0 for exact and normalised matches. */
  distance: number;
}

/** At most this many letters may differ, and never more than a fifth of the name. */
const MAX_DISTANCE = 3;
const MAX_SUGGESTIONS = 5;

/** Returns the suggestions for `companyName`, best first: exact, then normalised, then similar. */
export function suggestPolicies(
  companyName: string,
  policies: readonly PolicyChoice[],
): PolicySuggestion[] {
  const name = companyName.trim();
  const normalized = normalizeCompanyName(name);
  const suggestions: PolicySuggestion[] = [];
  for (const policy of policies) {
    const suggestion = compare(name, normalized, policy);
    if (suggestion) suggestions.push(suggestion);
  }
  const rank: Record<MatchKind, number> = { exact: 0, normalized: 1, similar: 2 };
  return suggestions
    .sort(
      (a, b) =>
        rank[a.kind] - rank[b.kind] || a.distance - b.distance || a.name.localeCompare(b.name),
    )
    .slice(0, MAX_SUGGESTIONS);
}

function compare(name: string, normalized: string, policy: PolicyChoice): PolicySuggestion | null {
  if (policy.name.trim() === name) {
    return { ...policy, kind: 'exact', reason: 'Same name', distance: 0 };
  }
  const other = normalizeCompanyName(policy.name);
  if (other === '' || normalized === '') return null;
  if (other === normalized) {
    return {
      ...policy,
      kind: 'normalized',
      reason: 'Same name apart from case, punctuation, accents or a suffix such as Inc. or LLC',
      distance: 0,
    };
  }
  const limit = Math.min(MAX_DISTANCE, Math.floor(Math.min(other.length, normalized.length) / 5));
  if (limit === 0) return null;
  const distance = leven(normalized, other, { maxDistance: limit + 1 });
  if (distance > limit) return null;
  const letters = distance === 1 ? '1 letter differs' : `${distance} letters differ`;
  return { ...policy, kind: 'similar', reason: `Similar spelling (${letters})`, distance };
}
