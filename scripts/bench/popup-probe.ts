/**
 * The init script that times the popup from inside the page. It runs before the page's own
 * scripts and stores its record in `window.benchPopupProbe`. Times are `performance.now()`
 * values, in milliseconds from navigation start.
 */

export interface PopupProbe {
  /** When the first `[data-testid="policy-row"]` was in the DOM, before style and layout. */
  firstRowInsertedAt: number | null;
  /** The frame after the first `[data-testid="policy-row"]` was added, or null before it. */
  firstRowFrameAt: number | null;
  /** When the latest DOM change happened, before style and layout, or null before any. */
  lastChangeAt: number | null;
  /** The frame after the latest DOM change, or null before any. */
  lastChangeFrameAt: number | null;
  /** `[data-testid="policy-row"]` elements at the first change that contained one. */
  rowCount: number;
}

/**
 * Observes the whole document. For each batch of changes it waits for the next animation frame
 * and then one more task, which runs after that frame's style, layout and paint.
 */
export const POPUP_PROBE_SCRIPT = `(() => {
  const probe = {
    firstRowInsertedAt: null,
    firstRowFrameAt: null,
    lastChangeAt: null,
    lastChangeFrameAt: null,
    rowCount: 0,
  };
  window.benchPopupProbe = probe;
  const afterFrame = (record) =>
    requestAnimationFrame(() => setTimeout(() => record(performance.now()), 0));
  new MutationObserver(() => {
    probe.lastChangeAt = performance.now();
    afterFrame((time) => { probe.lastChangeFrameAt = time; });
    if (probe.firstRowInsertedAt !== null) return;
    const rows = document.querySelectorAll('[data-testid="policy-row"]');
    if (rows.length === 0) return;
    probe.firstRowInsertedAt = performance.now();
    probe.rowCount = rows.length;
    afterFrame((time) => { probe.firstRowFrameAt = time; });
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;
