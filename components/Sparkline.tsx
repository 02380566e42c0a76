/** A small inline line chart of a client's rolled-up totals, with the numbers as its text. */

const WIDTH = 64;
const HEIGHT = 18;
/** Keeps the line inside the box, because a stroke on the edge is cut in half. */
const PADDING = 2;

interface Props {
  /** Oldest first; null where a snapshot did not have the policy. */
  values: ReadonlyArray<number | null>;
}

export function Sparkline({ values }: Props) {
  const known = values.filter((value): value is number => value !== null);
  if (known.length < 2) {
    return (
      <span class="muted" data-testid="trend" data-values={known.join(',')}>
        <span class="visually-hidden">No history yet</span>
      </span>
    );
  }
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = (WIDTH - 2 * PADDING) / (values.length - 1);
  const y = (value: number) =>
    max === min
      ? HEIGHT / 2
      : HEIGHT - PADDING - ((value - min) / (max - min)) * (HEIGHT - 2 * PADDING);
  const points = values.flatMap((value, index) =>
    value === null ? [] : [`${(PADDING + index * step).toFixed(1)},${y(value).toFixed(1)}`],
  );
  const label = `Total over the last ${values.length} syncs: ${values
    .map((value) => value ?? 'none')
    .join(', ')}`;
  return (
    <svg
      class="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="trend"
      data-values={known.join(',')}
    >
      <title>{label}</title>
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
