/**
 * The record's stored account mapping in the side panel, with "Change" and "Remove". Without a
 * stored mapping, the panel offers the policy that matches by exact name instead, and the user
 * can keep that match as a mapping so that it survives a rename.
 */
import type { PanelPolicy } from '../lib/background/panel-policies';
import type { AccountMapping } from '../lib/mapping/account-mapping';
import { describeMappingScope } from '../lib/side-panel/mapping-scope';

export function CurrentAccountMapping(props: {
  mapping: AccountMapping;
  /** False when the mapped policy is missing from the latest sync's policies. */
  policyKnown: boolean;
  onChange(): void;
  onRemove(): void;
}) {
  const { mapping } = props;
  return (
    <div class="current-mapping" data-testid="current-mapping">
      <p>
        Mapped to <strong data-testid="current-mapping-policy">{mapping.policyName}</strong>,{' '}
        <span data-testid="current-mapping-scope">{describeMappingScope(mapping)}</span>.
      </p>
      {!props.policyKnown && (
        <p class="notice">
          The latest sync has no client policy with this policy's ID, so the page shows no counts.
          Change the mapping, or sync again if the policy was added in Addigy.
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={props.onChange} data-testid="change-mapping">
          Change
        </button>
        <button type="button" onClick={props.onRemove} data-testid="remove-mapping">
          Remove
        </button>
      </div>
    </div>
  );
}

export function ExactMatchOffer(props: { policy: PanelPolicy; onKeep(): void }) {
  return (
    <div class="exact-match-offer" data-testid="exact-match-offer">
      <p>
        Matched by name: <strong>{props.policy.name}</strong>. The page shows this policy's counts
        because the names are equal. Keep this match to save it by the record's ID, so that it still
        applies after either side is renamed.
      </p>
      <button type="button" class="primary" onClick={props.onKeep} data-testid="keep-match">
        Keep this match
      </button>
    </div>
  );
}
