/**
 * The choice of what a new account mapping covers (the whole company or this agreement) and the
 * target that a policy is dropped on to map it. The target takes a policy dragged from the list,
 * or, from the keyboard, the policy that was picked up with Enter or Space: the focus moves to
 * the target, where Enter maps the policy and Escape puts it back.
 */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { PanelPolicy } from '../lib/background/panel-policies';
import type { PanelRecord } from '../lib/side-panel/link';
import { scopeProblems, type MappingScope } from '../lib/side-panel/mapping-scope';
import { POLICY_DRAG_TYPE } from './AccountPolicies';

interface Props {
  record: PanelRecord;
  scope: MappingScope;
  onScopeChange(scope: MappingScope): void;
  /** The policy picked up from the keyboard, if any. */
  picked: PanelPolicy | null;
  /** Maps the policy with this id, dropped or picked. */
  onDrop(policyId: string): void;
  /** Puts the picked policy back. */
  onCancel(): void;
  /** Called when the target is used with nothing picked up. */
  onEmpty(): void;
  targetRef: Ref<HTMLButtonElement>;
}

const SCOPE_LABELS: Record<MappingScope, string> = {
  company: 'Whole company',
  agreement: 'This agreement only',
};

export function MappingDropTarget(props: Props) {
  const [dragOver, setDragOver] = useState(false);
  const problems = scopeProblems(props.record);
  const subject = props.scope === 'company' ? 'this company' : 'this agreement';

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes(POLICY_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'link';
    setDragOver(true);
  };
  const onDrop = (event: DragEvent) => {
    const policyId = event.dataTransfer?.getData(POLICY_DRAG_TYPE);
    setDragOver(false);
    if (!policyId) return;
    event.preventDefault();
    props.onDrop(policyId);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !props.picked) return;
    // Keeps the panel's own Escape handler from closing the panel.
    event.preventDefault();
    props.onCancel();
  };

  return (
    <div class="mapping-target">
      <fieldset>
        <legend>Map for</legend>
        {(['company', 'agreement'] as const).map((scope) => (
          <label key={scope} class="scope-option">
            <input
              type="radio"
              name="mapping-scope"
              value={scope}
              checked={props.scope === scope}
              disabled={problems[scope] !== null}
              onChange={() => props.onScopeChange(scope)}
              data-testid={`scope-${scope}`}
            />
            {SCOPE_LABELS[scope]}
            {problems[scope] && <span class="field-help"> ({problems[scope]})</span>}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        class={dragOver ? 'drop-target drag-over' : 'drop-target'}
        ref={props.targetRef}
        onClick={() => (props.picked ? props.onDrop(props.picked.policyId) : props.onEmpty())}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        data-testid="mapping-drop-target"
      >
        {props.picked
          ? `Map ${props.picked.name} to ${subject}: press Enter, or Escape to cancel`
          : `Drop a policy here to map ${subject}`}
      </button>
    </div>
  );
}
