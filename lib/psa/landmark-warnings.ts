/**
 * Warnings about page landmarks that an adapter cannot find. The overlay reads the page again on
 * every DOM change, so each landmark is reported once per warner instead of on every read.
 */
import { log } from '../log/logger';

/** Logs `message` the first time it is called for `landmark`, and ignores later calls. */
export type LandmarkWarner = (landmark: string, message: string) => void;

export function createLandmarkWarner(): LandmarkWarner {
  const reported = new Set<string>();
  return (landmark, message) => {
    if (reported.has(landmark)) return;
    reported.add(landmark);
    log.warn(message);
  };
}
