/**
 * Paths of the release packages that `npm run zip` writes, and readers for them. The names
 * follow WXT 0.20's default templates, `{name}-{version}-{browser}.zip` and
 * `{name}-{version}-sources.zip`, with the name and version from package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readZipArchive } from './zip-archive';

export const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
};

export type PackageKind = 'chrome' | 'firefox' | 'sources';

export function packagePath(kind: PackageKind): string {
  return `.output/${packageJson.name}-${packageJson.version}-${kind}.zip`;
}

/** Reads a package's files, or fails with the command that writes the package. */
export function readPackage(kind: PackageKind): Map<string, Buffer> {
  const path = packagePath(kind);
  if (!existsSync(path)) {
    throw new Error(`The ${kind} package ${path} is missing. Run \`npm run zip\` first.`);
  }
  return readZipArchive(path);
}

/** Parses the manifest.json of a package's files. */
export function readManifest(files: Map<string, Buffer>): Record<string, unknown> {
  const manifest = files.get('manifest.json');
  if (!manifest) throw new Error('The package has no manifest.json.');
  return JSON.parse(manifest.toString('utf8')) as Record<string, unknown>;
}
