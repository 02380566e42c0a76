/**
 * The count badge's stylesheet, inside its shadow root. `all: initial` on the host stops the PSA
 * page's inherited styles (font, colour, line height) from reaching the badge. The colours are
 * dark text on light tints with contrast ratios above 6.5:1 (WCAG AA requires 4.5:1).
 */
export const BADGE_CSS = `
:host {
  all: initial;
  display: inline-block;
  margin-inline-start: 6px;
  vertical-align: middle;
}
.badge {
  display: inline-flex;
  gap: 4px;
  align-items: baseline;
  padding: 1px 6px;
  border: 1px solid currentColor;
  border-radius: 9px;
  font: 600 11px/16px system-ui, -apple-system, 'Segoe UI', sans-serif;
  white-space: nowrap;
  cursor: default;
}
.source {
  font-weight: 400;
}
.status::before {
  content: '\\00b7';
  margin-inline-end: 4px;
}
.match {
  color: #116329;
  background: #dafbe1;
}
.over {
  color: #7d4e00;
  background: #fff8c5;
}
.under {
  color: #a40e26;
  background: #ffebe9;
}
.apply {
  margin-inline-start: 4px;
  padding: 0 6px;
  border: 1px solid currentColor;
  border-radius: 8px;
  background: #ffffff;
  color: inherit;
  font: inherit;
  cursor: pointer;
}
.apply:focus-visible {
  outline: 2px solid #0b57d0;
  outline-offset: 1px;
}
`;
