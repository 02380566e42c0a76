/**
 * The options page's diagnostics: the most recent syncs with their timing, volume, outcome,
 * error and warnings, and a download of the background's recent log lines for support.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { downloadText } from '../lib/export/download';
import { logFileName } from '../lib/log/log-export';
import { request } from '../lib/messaging/client';
import type { SyncHistoryEntry } from '../lib/sync/sync-history';
import { watchSyncStatus } from '../lib/sync/sync-status';
import { formatDateTime } from './format';

const OUTCOME_TEXT: Record<SyncHistoryEntry['outcome'], string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Formats a duration in milliseconds as "850 ms", "12.4 s" or "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Shows up to two warnings in full and folds longer lists behind their count. */
function HistoryWarnings({ warnings }: { warnings: string[] }) {
  const list = (
    <ul class="history-warnings">
      {warnings.map((warning, index) => (
        <li key={index}>{warning}</li>
      ))}
    </ul>
  );
  if (warnings.length <= 2) return list;
  return (
    <details>
      <summary>{warnings.length} warnings</summary>
      {list}
    </details>
  );
}

function HistoryRow({ entry }: { entry: SyncHistoryEntry }) {
  return (
    <tr data-testid="sync-history-row" data-outcome={entry.outcome}>
      <td>
        <time dateTime={new Date(entry.startedAt).toISOString()}>
          {formatDateTime(entry.startedAt)}
        </time>
      </td>
      <td class="number">{formatDuration(entry.finishedAt - entry.startedAt)}</td>
      <td class="number">{entry.pagesFetched}</td>
      <td class="number">{entry.devicesReceived}</td>
      <td class={`outcome outcome-${entry.outcome}`}>{OUTCOME_TEXT[entry.outcome]}</td>
      <td>
        {entry.error && <p class="history-error">{entry.error}</p>}
        {entry.warnings.length > 0 && <HistoryWarnings warnings={entry.warnings} />}
        {!entry.error && entry.warnings.length === 0 && <span class="muted">None</span>}
      </td>
    </tr>
  );
}

function SyncHistoryTable({ entries }: { entries: SyncHistoryEntry[] }) {
  if (entries.length === 0) {
    return <p data-testid="sync-history-empty">No sync has finished yet.</p>;
  }
  return (
    <div class="table-scroll">
      <table data-testid="sync-history">
        <caption class="visually-hidden">Recent syncs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col" class="number">
              Duration
            </th>
            <th scope="col" class="number">
              Pages
            </th>
            <th scope="col" class="number">
              Devices
            </th>
            <th scope="col">Outcome</th>
            <th scope="col">Error and warnings</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <HistoryRow key={entry.id ?? entry.runId} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Diagnostics() {
  const [entries, setEntries] = useState<SyncHistoryEntry[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      setEntries(await request<SyncHistoryEntry[]>({ type: 'diagnostics/history' }));
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
    // A sync that finishes while the page is open adds a run to the list.
    return watchSyncStatus((status) => {
      if (status.state !== 'running') void reload();
    });
  }, [reload]);

  const downloadLog = async () => {
    try {
      const text = await request<string>({ type: 'diagnostics/log' });
      downloadText(logFileName(new Date()), text, 'text/plain');
      setMessage({
        kind: 'success',
        text: 'Downloaded the log. Credentials are removed from it, but read it before you send it.',
      });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: `The log could not be built: ${error instanceof Error ? error.message : String(error)} Reload this page and try again.`,
      });
    }
  };

  return (
    <section aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <h3>Recent syncs</h3>
      <p class="actions">
        <button type="button" onClick={() => void reload()} data-testid="refresh-history">
          Refresh
        </button>
      </p>
      {entries === null ? <p aria-busy="true">Loading…</p> : <SyncHistoryTable entries={entries} />}
      <h3>Log</h3>
      <p class="field-help">
        The last 500 lines the extension logged in the background, with the extension version, the
        browser and the settings. Credentials are removed. Send it to support with a description of
        the problem.
      </p>
      <p>
        <button type="button" onClick={() => void downloadLog()} data-testid="download-log">
          Download log
        </button>
      </p>
      {message && (
        <p
          class={message.kind}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="diagnostics-result"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
