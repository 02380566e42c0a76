import type { FixtureRoute } from './route';

/** A Syncro schedule (recurring invoice), /schedules/<id>. */
export const syncroRoutes: FixtureRoute[] = [
  { path: /^\/schedules\/\d+\/?$/, file: 'syncro/schedule.html' },
];
