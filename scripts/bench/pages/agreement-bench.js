/* global window, document, performance, requestAnimationFrame */
/**
 * Renders the fixture's agreement screen after the fixture's delay and marks the moment, then
 * offers `window.benchStartMutating(ms)` for the CPU profile of the overlay benchmark.
 */
import { AGREEMENTS } from '/connectwise/agreement-data.js';
import { renderAgreement, renderLoading } from '/connectwise/agreement-screen.js';
import { readFixtureParams, resolveFixtureState } from '/connectwise/agreement-state.js';

/** The fixture page's default delay before the screen appears, in milliseconds. */
const DEFAULT_DELAY_MS = 400;
/** Items in the status list that every frame replaces. */
const ACTIVITY_ITEMS = 20;
/** A bound on `benchStartMutating`, so that a page left open stops by itself. */
const MAX_MUTATE_MS = 120_000;

const root = document.getElementById('cw-app');
const params = readFixtureParams(window.location);
renderLoading(root);
window.setTimeout(
  () => {
    renderAgreement(root, resolveFixtureState(params, AGREEMENTS));
    performance.mark('grid-rendered');
  },
  Number(params.get('delay') ?? DEFAULT_DELAY_MS),
);

/**
 * Replaces the status list and its counter text on every animation frame for `durationMs`, like
 * a PSA page with a live ticker, and resolves with the number of frames that changed the DOM.
 *
 * @param {number} durationMs
 */
function startMutating(durationMs) {
  const list = document.getElementById('bench-activity');
  const stopAt = performance.now() + Math.min(durationMs, MAX_MUTATE_MS);
  let frames = 0;
  return new Promise((resolve) => {
    const step = () => {
      if (performance.now() >= stopAt) {
        resolve(frames);
        return;
      }
      frames++;
      const items = [];
      for (let index = 0; index < ACTIVITY_ITEMS; index++) {
        const item = document.createElement('li');
        item.textContent = `Ticket ${frames * ACTIVITY_ITEMS + index} updated`;
        items.push(item);
      }
      list.replaceChildren(...items);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

Object.assign(window, { benchStartMutating: startMutating });
