/** Every PSA's fixture routes; each PSA keeps its own list in a file beside this one. */
import { autotaskRoutes } from './autotask';
import { connectWiseRoutes } from './connectwise';
import { haloPsaRoutes } from './halopsa';
import { kaseyaBmsRoutes } from './kaseya-bms';
import type { FixtureRoute } from './route';
import { syncroRoutes } from './syncro';

export const FIXTURE_ROUTES: FixtureRoute[] = [
  ...connectWiseRoutes,
  ...autotaskRoutes,
  ...haloPsaRoutes,
  ...syncroRoutes,
  ...kaseyaBmsRoutes,
];
