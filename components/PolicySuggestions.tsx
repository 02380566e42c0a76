/**
 * Policies whose names come close to the company on the page, each with the reason it was
 * suggested. A suggestion is mapped only when the user confirms it.
 */
import type { PolicySuggestion } from '../lib/mapping/suggest';

export function PolicySuggestions(props: {
  suggestions: PolicySuggestion[];
  onConfirm(suggestion: PolicySuggestion): void;
}) {
  if (props.suggestions.length === 0) return null;
  return (
    <div class="suggestions">
      <h3>Suggested policies</h3>
      <ul>
        {props.suggestions.map((suggestion) => (
          <li key={suggestion.policyId} data-testid="policy-suggestion">
            <strong data-testid="suggestion-name">{suggestion.name}</strong>
            <span class="field-help" data-testid="suggestion-reason">
              {suggestion.reason}
            </span>
            <button type="button" onClick={() => props.onConfirm(suggestion)}>
              Map to this policy
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
