/**
 * Steps for the end-to-end tests of account mapping: open a ConnectWise fixture agreement with
 * chosen record ids, open the side panel from the summary chip, and read the badges' counts.
 */
import type { Frame, Page } from '@playwright/test';
import { expect } from '../fixtures';

export interface FixtureRecord {
  company: string;
  companyId: string;
  agreementId: string;
  lines: Array<{ productId: string; quantity: number }>;
}

/** Returns the fixture agreement's URL with the company name, record ids and lines of `record`. */
export function recordUrl(psaUrl: string, record: FixtureRecord): string {
  const query = new URLSearchParams({
    company: record.company,
    companyId: record.companyId,
    agreementId: record.agreementId,
    lines: JSON.stringify(record.lines),
  });
  return `${psaUrl}/v4_6_release/ConnectWise.aspx?${query.toString()}`;
}

/**
 * Clicks the chip's "Mappings" button and returns the panel's frame. The button sits in a closed
 * shadow root, which locators cannot enter, so the click goes to the button's place: the right
 * end of the chip. The frame is found among the page's frames by its URL for the same reason.
 */
export async function openMappingPanel(page: Page, extensionId: string): Promise<Frame> {
  const chip = page.locator('[data-addigy-summary]');
  await expect(chip).toHaveAttribute('data-panel', 'closed');
  const box = await chip.boundingBox();
  if (!box) throw new Error('The summary chip is not visible.');
  await page.mouse.click(box.x + box.width - 25, box.y + box.height / 2);
  await expect(chip).toHaveAttribute('data-panel', 'open');
  const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((candidate) => candidate.url().startsWith(prefix))))
    .toBeDefined();
  await frame!.getByTestId('panel-policy').first().waitFor();
  return frame!;
}

/** Returns the policy row named `name` in the panel's list. */
export function policyRow(frame: Frame, name: string) {
  return frame
    .getByTestId('panel-policy')
    .filter({ has: frame.getByTestId('panel-policy-name').getByText(name, { exact: true }) });
}

/** Returns the count badge on the agreement line with `productId`. */
export function badgeOf(page: Page, productId: string) {
  return page.locator('tr.cw-ml-row', { hasText: productId }).locator('[data-addigy-badge]');
}
