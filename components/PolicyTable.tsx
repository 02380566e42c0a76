import { OS_TYPES, type CountResult, type OsType } from '../lib/counting/types';
import { NOT_IN_ACCOUNT_NAME, UNASSIGNED_NAME } from '../lib/export/csv';

interface Props {
  counts: CountResult;
}

/** The OS types with at least one device anywhere, in the fixed column order. */
function presentOsTypes(counts: CountResult): OsType[] {
  return OS_TYPES.filter((os) => counts.all.byOs[os] > 0);
}

/** Account policies with rolled-up totals and one column per OS type present. */
export function PolicyTable({ counts }: Props) {
  const osTypes = presentOsTypes(counts);
  const rows = counts.accountIds.flatMap((id) => {
    const policy = counts.policies[id];
    return policy ? [{ key: id, name: policy.name, counts: policy.rolledUp }] : [];
  });
  if (counts.notInAccount.total > 0) {
    rows.push({ key: 'not-in-account', name: NOT_IN_ACCOUNT_NAME, counts: counts.notInAccount });
  }
  if (counts.unassigned.total > 0) {
    rows.push({ key: 'unassigned', name: UNASSIGNED_NAME, counts: counts.unassigned });
  }
  return (
    <table class="policy-table" data-testid="policy-table">
      <thead>
        <tr>
          <th scope="col">Client policy</th>
          <th scope="col" class="number">
            Total
          </th>
          {osTypes.map((os) => (
            <th scope="col" class="number" key={os}>
              {os === 'other' ? 'Other' : os}
            </th>
          ))}
          <th
            scope="col"
            class="number"
            title="Not seen within the stale threshold; included in Total"
          >
            Stale
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-policy-id={row.key} data-testid="policy-row">
            <th scope="row">{row.name}</th>
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
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All devices</th>
          <td class="number" data-os="total">
            {counts.all.total}
          </td>
          {osTypes.map((os) => (
            <td class="number" key={os}>
              {counts.all.byOs[os]}
            </td>
          ))}
          <td class="number">{counts.all.stale}</td>
        </tr>
      </tfoot>
    </table>
  );
}
