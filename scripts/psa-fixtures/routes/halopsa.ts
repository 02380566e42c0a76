import type { FixtureRoute } from './route';

/**
 * A HaloPSA recurring invoice, /recurringinvoice?id=N. The path is modelled, not taken from a
 * live Halo instance.
 */
export const haloPsaRoutes: FixtureRoute[] = [
  { path: /^\/recurringinvoice\/?$/i, file: 'halopsa/recurring-invoice.html' },
];
