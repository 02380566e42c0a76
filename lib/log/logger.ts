/**
 * The extension's logger: levels, a fixed prefix, and redaction of anything that looks like a
 * credential before it reaches the console. Debug output is off in release builds. The
 * background also hands each redacted line to a sink (see `setLogSink`), which keeps the recent
 * lines for the downloadable log. A sink that throws does not break logging.
 */
import type { LogEntry, LogLevel } from './log-store';

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

let sink: ((entry: LogEntry) => void) | null = null;

/** Sets where redacted lines go besides the console; null stops it. */
export function setLogSink(next: ((entry: LogEntry) => void) | null): void {
  sink = next;
}

function write(level: LogLevel, message: string, details: unknown[]): void {
  if (level === 'debug' && !import.meta.env.DEV) return;
  const line = `[addigy-counts] ${redact(message)}`;
  const formatted = details.map(format);
  console[level](line, ...formatted);
  if (!sink) return;
  try {
    sink({ at: Date.now(), level, text: [redact(message), ...formatted.map(String)].join(' ') });
  } catch {
    // The console already has the line; the sink is only a copy.
  }
}

export const log = {
  debug: (message: string, ...details: unknown[]) => write('debug', message, details),
  info: (message: string, ...details: unknown[]) => write('info', message, details),
  warn: (message: string, ...details: unknown[]) => write('warn', message, details),
  error: (message: string, ...details: unknown[]) => write('error', message, details),
};
