/**
 * The summary chip's and the side panel frame's stylesheet, inside the chip's shadow root.
 * `all: initial` on the host keeps the PSA page's inherited styles out. The panel is fixed to
 * the viewport's right edge.
 *
 * NOTE: `position: fixed` is relative to the viewport only while no ancestor of the host sets
 * `transform`, `filter` or `contain`. ConnectWise's banner was not checked for these.
 */
export const SUMMARY_CHIP_CSS = `
:host {
  all: initial;
  display: inline-block;
  margin: 4px 0;
  vertical-align: middle;
}
.chip {
  display: inline-flex;
  gap: 8px;
  align-items: center;
  padding: 2px 4px 2px 10px;
  border: 1px solid #d5dae3;
  border-radius: 14px;
  color: #1d2330;
  background: #f3f5f8;
  font: 12px/18px system-ui, -apple-system, 'Segoe UI', sans-serif;
  white-space: nowrap;
}
button {
  font: inherit;
  padding: 1px 10px;
  border: 1px solid #1f5fbf;
  border-radius: 10px;
  color: #ffffff;
  background: #1f5fbf;
  cursor: pointer;
}
button[aria-expanded='true'] {
  color: #1f5fbf;
  background: #ffffff;
}
button:focus-visible {
  outline: 2px solid #1f5fbf;
  outline-offset: 2px;
}
.panel {
  position: fixed;
  top: 0;
  right: 0;
  bottom: 0;
  width: 360px;
  max-width: 100vw;
  z-index: 2147483647;
  border-left: 1px solid #d5dae3;
  box-shadow: -4px 0 16px rgb(0 0 0 / 20%);
  background: #ffffff;
}
iframe {
  display: block;
  width: 100%;
  height: 100%;
  border: 0;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  .panel {
    border-left-color: #3a414d;
    background: #1b1e24;
  }
}
`;
