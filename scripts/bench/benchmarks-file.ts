/**
 * Writes one section of BENCHMARKS.md, the page where measured benchmark figures are recorded.
 * A section runs from its `## ` heading to the next `## ` heading or the end of the file. Writing
 * it again replaces it and leaves the other sections as they are. The page is formatted with the
 * project's Prettier settings, so that `prettier --check` passes on it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const PAGE_HEADER = `# Benchmarks

Figures measured by the scripts in \`scripts/bench/\`. \`npm run bench\` runs every benchmark and
\`npm run bench -- --help\` lists its options. Each section names the command, commit, machine
and date of its measurement. Rerun the command to update it.
`;

/** Replaces the section headed `## <title>` in the file at `path`, or appends it. */
export async function writeBenchmarkSection(
  path: string | URL,
  title: string,
  body: string,
): Promise<void> {
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return PAGE_HEADER;
    throw error;
  });
  const filepath = typeof path === 'string' ? path : fileURLToPath(path);
  const options = await resolveConfig(filepath);
  const page = await format(replaceSection(current, title, body), { ...options, filepath });
  await writeFile(path, page, 'utf8');
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
