/**
 * Writes one section of BENCHMARKS.md, the page where measured benchmark figures are recorded.
 * A section runs from its `## ` heading to the next `## ` heading or the end of the file; writing
 * it again replaces it and leaves the other sections as they are.
 */
import { readFile, writeFile } from 'node:fs/promises';

const PAGE_HEADER = `# Benchmarks

Figures measured by the scripts in \`scripts/bench/\`. Each section names the command, the
commit, the machine and the date it was measured with; rerun the command to update it.
`;

/** Replaces the section headed `## <title>` in the file at `path`, or appends it. */
export async function writeBenchmarkSection(path: string, title: string, body: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return PAGE_HEADER;
    throw error;
  });
  await writeFile(path, replaceSection(current, title, body), 'utf8');
}

/** Returns `page` with the section headed `## <title>` replaced by `body`, or appended. */
export function replaceSection(page: string, title: string, body: string): string {
  const section = `## ${title}\n\n${body.trim()}\n`;
  const lines = page.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === `## ${title}`);
  if (start === -1) return `${page.trimEnd()}\n\n${section}`;

  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = next === -1 ? '' : `\n${lines.slice(next).join('\n')}`;
  return `${before}\n\n${section}${after}`;
}
