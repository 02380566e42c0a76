/**
 * Runs axe-core in a page or frame of the extension. Extension pages forbid injected script tags
 * by their content security policy, so the library's source is evaluated through the DevTools
 * protocol, which that policy does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail the check; "minor" and "moderate" findings are only printed. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes, with axe's summary of each. */
  nodes: string[];
}

interface AxeResults {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
}

/** Runs axe's default rules (WCAG A and AA, and best practices) and returns each violation. */
export async function runAxe(target: Page | Frame): Promise<AxeFinding[]> {
  const loaded = await target.evaluate(() => 'axe' in window);
  if (!loaded) await target.evaluate(AXE_SOURCE);
  const results = await target.evaluate(
    () =>
      (
        window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }
      ).axe.run(document, { resultTypes: ['violations'] }) as Promise<AxeResults>,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    nodes: violation.nodes.map(
      (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
    ),
  }));
}

/** Returns the findings that fail the check. */
export function seriousFindings(findings: readonly AxeFinding[]): AxeFinding[] {
  return findings.filter((finding) => FAILING_IMPACTS.has(finding.impact));
}

/** Formats findings one per node, for a failure message or the test's output. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings
    .flatMap((finding) =>
      finding.nodes.map((node) => `[${finding.impact}] ${finding.rule} (${finding.help}) ${node}`),
    )
    .join('\n');
}

/** Returns how many nodes passed axe's color-contrast rule, to prove the rule ran. */
export async function contrastCheckedNodes(target: Page | Frame): Promise<number> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(context: Document, options: object): Promise<{ passes: Array<{ nodes: unknown[] }> }>;
      };
    };
    const results = await axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast'] },
      resultTypes: ['passes'],
    });
    return results.passes.reduce((sum, rule) => sum + rule.nodes.length, 0);
  });
}
