import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncroRoutes } from '../../../scripts/psa-fixtures/routes/syncro';
import { PSA_FIXTURES_ROOT } from '../../../scripts/psa-fixtures/server';

describe('Syncro fixture routes', () => {
  it.each(['/schedules/3310', '/schedules/3325/', '/schedules/1'])(
    'serve the schedule at %s',
    (path) => {
      const route = syncroRoutes.find((candidate) => candidate.path.test(path));

      expect(route?.file).toBe('syncro/schedule.html');
    },
  );

  it.each(['/schedules', '/schedules/new', '/syncro/schedule-page.js'])(
    'leave %s to the file server',
    (path) => {
      expect(syncroRoutes.some((route) => route.path.test(path))).toBe(false);
    },
  );

  it('name files that exist', () => {
    for (const route of syncroRoutes) {
      expect(existsSync(resolve(PSA_FIXTURES_ROOT, route.file))).toBe(true);
    }
  });
});
