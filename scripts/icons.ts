/**
 * Draws the extension icon, a monitor whose screen shows three count bars with a green check
 * badge, and writes it as PNG to public/icon/<size>.png, where WXT lists it in the manifest.
 * Run with `npx tsx scripts/icons.ts` after changing the drawing, and commit the PNGs.
 *
 * Sizes 16 and 32 use a simpler drawing on a 16-unit grid, so that lines fall on whole pixels.
 * Sizes 48 and up keep the artwork inside the middle 75%: the Chrome Web Store's image guidelines
 * ask for a 128-pixel icon with 96 pixels of artwork and 16 pixels of transparent padding a side.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from './browser/launch';

const FRAME = '#1e3a5f';
const SCREEN = '#ffffff';
const BAR = '#0284c7';
const BADGE = '#16a34a';

/** The 16 and 32 pixel icon: frame, screen, three bars and the stand. */
const SMALL_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">
  <rect x="0" y="1" width="16" height="11" rx="2" fill="${FRAME}"/>
  <rect x="2" y="3" width="12" height="7" fill="${SCREEN}"/>
  <rect x="3" y="7" width="2" height="2" fill="${BAR}"/>
  <rect x="7" y="5" width="2" height="4" fill="${BAR}"/>
  <rect x="11" y="4" width="2" height="5" fill="${BAR}"/>
  <rect x="7" y="12" width="2" height="2" fill="${FRAME}"/>
  <rect x="4" y="14" width="8" height="2" rx="1" fill="${FRAME}"/>
</svg>`;

/** The monitor's outline on the 128 grid: frame, neck and foot. */
const LARGE_MONITOR = `<rect x="16" y="22" width="96" height="66" rx="9"/>
  <rect x="56" y="88" width="16" height="12"/>
  <rect x="40" y="100" width="48" height="8" rx="4"/>`;

/**
 * The 48 to 128 pixel icon: artwork within 16..112 of a 128 grid, with the check badge. A white
 * edge of 2 units around the dark monitor keeps it visible on dark backgrounds, as the Chrome Web
 * Store's image guidelines suggest for mostly dark icons.
 */
const LARGE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <g fill="${SCREEN}" stroke="${SCREEN}" stroke-width="4" opacity="0.85">${LARGE_MONITOR}</g>
  <g fill="${FRAME}">${LARGE_MONITOR}</g>
  <rect x="24" y="30" width="80" height="50" rx="3" fill="${SCREEN}"/>
  <rect x="34" y="58" width="14" height="14" rx="2" fill="${BAR}"/>
  <rect x="54" y="48" width="14" height="24" rx="2" fill="${BAR}"/>
  <rect x="74" y="38" width="14" height="34" rx="2" fill="${BAR}"/>
  <circle cx="96" cy="86" r="16" fill="${BADGE}" stroke="${SCREEN}" stroke-width="4"/>
  <path d="M88 86 l5.5 5.5 l10.5 -11" fill="none" stroke="${SCREEN}" stroke-width="5"
    stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/** Sizes the Chrome Web Store and addons.mozilla.org ask for, in pixels. */
const SIZES = [16, 32, 48, 96, 128];

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('No Chromium found. Install the Debian package chromium or set CHROMIUM_PATH.');
  }
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      const svg = size <= 32 ? SMALL_ICON : LARGE_ICON;
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      writeFileSync(`public/icon/${size}.png`, png);
      console.log(`Wrote public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
