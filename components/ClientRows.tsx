/**
 * One account policy's row in the popup table and, once expanded, the rows of its child
 * policies with their direct counts. Child rows are built only while expanded, so a table of
 * thousands of clients renders one row each.
 */
import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { CountResult, OsType } from '../lib/counting/types';
import { rowToTsv } from '../lib/export/wide-csv';
import { SERVICE_LABELS } from '../lib/mapping/services';
import { descendantRows, type ClientRow } from '../lib/popup/table-rows';
import type { PolicyReconciliation } from '../lib/reconciliation/reconcile';
import type { AccountChange } from '../lib/sync/device-changes';
import { Sparkline } from './Sparkline';

interface Props {
  row: ClientRow;
  osTypes: readonly OsType[];
  expanded: boolean;
  onToggle: (policyId: string) => void;
  counts: CountResult;
  childIndex: ReadonlyMap<string, string[]>;
}

export const ClientRows = memo(function ClientRows(props: Props) {
  const { row, osTypes, expanded, onToggle } = props;
  return (
    <>
      <tr data-policy-id={row.policyId} data-testid="policy-row" data-off={row.reconciliation?.off}>
        <th scope="row">
          {row.hasChildren ? (
            <button
              type="button"
              class="expand"
              aria-expanded={expanded}
              onClick={() => onToggle(row.policyId)}
            >
              {row.name}
            </button>
          ) : (
            row.name
          )}
        </th>
        <td class="number" data-os="total">
          {row.counts.total}
        </td>
        {osTypes.map((os) => (
          <td class="number" data-os={os} key={os}>
            {row.counts.byOs[os]}
          </td>
        ))}
        <td class="number" data-os="stale">
          {row.counts.stale}
        </td>
        <ReconciliationCells reconciliation={row.reconciliation} />
        <ChangeCell change={row.change} />
        <td>
          <Sparkline values={row.trend} />
        </td>
        <td>
          <CopyButton row={row} osTypes={osTypes} />
        </td>
      </tr>
      {expanded && <ChildRows {...props} />}
    </>
  );
});

function ChildRows({ row, osTypes, counts, childIndex }: Props) {
  return (
    <>
      <ChildRow
        name={`${row.name} itself`}
        depth={1}
        direct={counts.policies[row.policyId]!.direct}
        osTypes={osTypes}
      />
      {descendantRows(counts, childIndex, row.policyId).map((child) => (
        <ChildRow key={child.policyId} {...child} osTypes={osTypes} />
      ))}
    </>
  );
}

function ChildRow(props: {
  name: string;
  depth: number;
  direct: ClientRow['counts'];
  osTypes: readonly OsType[];
}) {
  const { name, depth, direct, osTypes } = props;
  return (
    <tr class="child-row" data-testid="child-policy-row">
      <th scope="row" style={{ paddingInlineStart: `${depth * 1.25}em` }}>
        {name}
      </th>
      <td class="number" data-os="total">
        {direct.total}
      </td>
      {osTypes.map((os) => (
        <td class="number" data-os={os} key={os}>
          {direct.byOs[os]}
        </td>
      ))}
      <td class="number" data-os="stale">
        {direct.stale}
      </td>
      <td colSpan={5} />
    </tr>
  );
}

function ReconciliationCells({ reconciliation }: { reconciliation: PolicyReconciliation | null }) {
  if (!reconciliation) {
    return (
      <>
        <td class="muted" data-column="billed" title="No PSA record is mapped to this client">
          Not mapped
        </td>
        <td data-column="difference" />
      </>
    );
  }
  if (reconciliation.billed === null) {
    return (
      <>
        <td class="muted" data-column="billed" title="Open the mapped agreement in the PSA once">
          Not seen yet
        </td>
        <td data-column="difference" />
      </>
    );
  }
  const detail = reconciliation.agreements
    .flatMap((agreement) =>
      agreement.services.map(
        (entry) =>
          `${agreement.companyName}, ${SERVICE_LABELS[entry.service]}: billed ${entry.billed}, Addigy ${entry.count}`,
      ),
    )
    .join('\n');
  const difference = reconciliation.difference ?? 0;
  return (
    <>
      <td class="number" data-column="billed" title={detail}>
        {reconciliation.billed}
      </td>
      <td
        class={`number ${reconciliation.off ? 'off' : 'match'}`}
        data-column="difference"
        title={detail}
      >
        {difference > 0 ? `+${difference}` : difference}
        {reconciliation.off && difference === 0 && ' (lines differ)'}
      </td>
    </>
  );
}

function ChangeCell({ change }: { change: AccountChange | null }) {
  if (!change)
    return <td class="muted" data-column="change" title="Shown from the second sync on" />;
  const names = [
    change.addedNames.length > 0 ? `Added: ${change.addedNames.join(', ')}` : '',
    change.removedNames.length > 0 ? `Removed: ${change.removedNames.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <td
      class="number"
      data-column="change"
      data-added={change.added}
      data-removed={change.removed}
      title={names || 'No devices added or removed'}
    >
      {change.added === 0 && change.removed === 0 ? '–' : `+${change.added} −${change.removed}`}
    </td>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';
const COPY_LABELS: Record<CopyState, string> = {
  idle: 'Copy',
  copied: 'Copied',
  failed: 'Copy failed',
};

/** Copies the row, tab-separated, in the order of the visible columns. */
function CopyButton({ row, osTypes }: { row: ClientRow; osTypes: readonly OsType[] }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    const text = rowToTsv([
      row.name,
      row.counts.total,
      ...osTypes.map((os) => row.counts.byOs[os]),
      row.counts.stale,
      row.reconciliation?.billed ?? null,
      row.reconciliation?.difference ?? null,
    ]);
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button
      type="button"
      class="link"
      onClick={copy}
      aria-label={`Copy the row of ${row.name}`}
      title={
        state === 'failed'
          ? 'The browser did not allow copying; select the row and copy it by hand'
          : undefined
      }
      data-testid="copy-row"
    >
      {COPY_LABELS[state]}
    </button>
  );
}
