/** Every PSA's fixture routes; each PSA keeps its own list in a file beside this one. */
import { connectWiseRoutes } from './connectwise';
import type { FixtureRoute } from './route';

export const FIXTURE_ROUTES: FixtureRoute[] = [...connectWiseRoutes];
