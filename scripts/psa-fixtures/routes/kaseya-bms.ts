import type { FixtureRoute } from './route';

/**
 * A Kaseya BMS contract page, /MSP/ContractDetail.aspx?ID=N. The page name is modelled, not
 * taken from a live BMS.
 */
export const kaseyaBmsRoutes: FixtureRoute[] = [
  { path: /^\/MSP\/ContractDetail\.aspx$/i, file: 'kaseya-bms/contract-detail.html' },
];
