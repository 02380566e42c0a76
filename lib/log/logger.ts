/**
 * The extension's logger: levels, a fixed prefix, and redaction of anything that looks like a
 * credential before it reaches the console. Debug output is off in release builds.
 */

type Level = 'debug' | 'info' | 'warn' | 'error';

const SECRET_PATTERNS: RegExp[] = [
  // Query parameters and headers that carry Addigy credentials.
  /((?:client[_-]?secret|client[_-]?id|x-api-key|api[_-]?key|apikey|token)["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi,
];

/** Replaces credential values in `text` with "[redacted]". */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, '$1[redacted]'), text);
}

/**
 * Replaces each of `secrets` in `text`, as typed and as URL-encoded, with "[redacted]". Values
 * shorter than 4 characters are left, because they would also match ordinary words.
 */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join('[redacted]');
    }
  }
  return result;
}

function format(value: unknown): unknown {
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  if (typeof value === 'string') return redact(value);
  if (value && typeof value === 'object') return redact(JSON.stringify(value));
  return value;
}

function write(level: Level, message: string, details: unknown[]): void {
  if (level === 'debug' && !import.meta.env.DEV) return;
  console[level](`[addigy-counts] ${redact(message)}`, ...details.map(format));
}

export const log = {
  debug: (message: string, ...details: unknown[]) => write('debug', message, details),
  info: (message: string, ...details: unknown[]) => write('info', message, details),
  warn: (message: string, ...details: unknown[]) => write('warn', message, details),
  error: (message: string, ...details: unknown[]) => write('error', message, details),
};
