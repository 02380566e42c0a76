/**
 * A real PSA URL path served by a fixture file, so that the content script sees the same URL
 * shape as on the real PSA. `file` is relative to test/fixtures/psa.
 */
export interface FixtureRoute {
  path: RegExp;
  file: string;
}
