import type { FixtureRoute } from './route';

/**
 * Autotask's legacy contract frameset and its summary frame, and the newer interface's landing
 * page. The paths are matched without case, as the adapter matches them.
 */
export const autotaskRoutes: FixtureRoute[] = [
  { path: /^\/contracts\/views\/contractview\.asp$/i, file: 'autotask/contract-view.html' },
  { path: /^\/contracts\/views\/contractsummary\.asp$/i, file: 'autotask/contract-summary.html' },
  { path: /^\/autotaskonyx\/landingpage$/i, file: 'autotask/onyx-landing.html' },
];
