import type { FixtureRoute } from './route';

/** Release paths such as /v4_6_release/ConnectWise.aspx or /v2025_1/ConnectWise.aspx. */
export const connectWiseRoutes: FixtureRoute[] = [
  {
    path: /^\/v\d+(?:_\d+)*(?:_release)?\/connectwise\.aspx$/i,
    file: 'connectwise/agreement.html',
  },
];
