import type { Snapshot } from '../lib/sync/snapshot';
import { describeSnapshotWarnings } from '../lib/sync/warning-text';

/** The snapshot's warnings, folded away behind their count. */
export function SnapshotWarnings({ snapshot }: { snapshot: Snapshot }) {
  const messages = describeSnapshotWarnings(snapshot);
  if (messages.length === 0) return null;
  return (
    <details class="warnings" data-testid="snapshot-warnings">
      <summary>
        {messages.length} warning{messages.length === 1 ? '' : 's'} from the last sync
      </summary>
      <ul>
        {messages.map((message, index) => (
          <li key={index}>{message}</li>
        ))}
      </ul>
    </details>
  );
}
