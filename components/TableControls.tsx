import { ROW_FILTER_LABELS, type RowFilter } from '../lib/popup/table-rows';

interface Props {
  query: string;
  filter: RowFilter;
  shown: number;
  total: number;
  onQuery: (query: string) => void;
  onFilter: (filter: RowFilter) => void;
}

/** Renders the search box and filter above the policy table, and the number of rows shown. */
export function TableControls({ query, filter, shown, total, onQuery, onFilter }: Props) {
  return (
    <div class="table-controls">
      <label>
        Search clients{' '}
        <input
          type="search"
          value={query}
          onInput={(event) => onQuery(event.currentTarget.value)}
          data-testid="policy-search"
        />
      </label>
      <label>
        Show{' '}
        <select
          value={filter}
          onChange={(event) => onFilter(event.currentTarget.value as RowFilter)}
          data-testid="policy-filter"
        >
          {Object.entries(ROW_FILTER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <span class="muted" aria-live="polite" data-testid="row-count">
        {shown === total ? `${total} clients` : `${shown} of ${total} clients`}
      </span>
    </div>
  );
}
