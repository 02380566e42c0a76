/**
 * Loads the Syncro schedule fixture into a happy-dom document and renders it at once, as the
 * page script does after its delay. Scripts in the fixture do not run here.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEDULES, type FixtureSchedule } from '../../fixtures/psa/syncro/schedule-data';
import { renderSchedule } from '../../fixtures/psa/syncro/schedule-screen';
import { readFixtureParams, resolveFixtureState } from '../../fixtures/psa/syncro/schedule-state';

// A path, not a URL: happy-dom replaces the global URL class, and node:fs rejects its objects.
const SCHEDULE_HTML = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/psa/syncro/schedule.html'),
  'utf8',
);

/**
 * Returns the fixture page at /schedules/<id> with the given URL parameters. The window's URL
 * changes to that path first, because the adapter reads the schedule id from the document's URL
 * and happy-dom gives parsed documents the window's URL.
 */
export function loadSchedulePage(
  id = 3310,
  params: Record<string, string> = {},
  schedules: FixtureSchedule[] = SCHEDULES,
): Document {
  window.history.replaceState(null, '', `/schedules/${id}?${new URLSearchParams(params)}`);
  const doc = new DOMParser().parseFromString(SCHEDULE_HTML, 'text/html');
  const root = doc.getElementById('syncro-app');
  if (!root) throw new Error('schedule.html has no #syncro-app element.');
  renderSchedule(root, resolveFixtureState(readFixtureParams(window.location), schedules));
  return doc;
}
