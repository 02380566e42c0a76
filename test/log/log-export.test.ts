import { describe, expect, it } from 'vitest';
import { buildLogExport, logFileName, settingsForLog } from '../../lib/log/log-export';
import { settingsSchema } from '../../lib/settings/settings';

const API_KEY = 'zq7-DISTINCTIVE-api-key-4f1b9c';
const settings = settingsSchema.parse({
  apiVersion: 'v2',
  apiUrl: 'http://127.0.0.1:4010',
  credentialsConfigured: true,
  credentialHint: '…4f1b',
  psaSites: ['https://psa.example.com'],
});

function build(text: string, secrets: string[] | null) {
  return buildLogExport({
    extensionVersion: '0.1.0',
    userAgent: 'Chromium/140',
    settings,
    entries: [{ at: Date.parse('2026-12-04T10:00:00Z'), level: 'warn', text }],
    secrets,
    now: Date.parse('2026-12-04T11:00:00Z'),
  });
}

describe('buildLogExport', () => {
  it('writes the header and the lines', () => {
    const text = build('Sync ab12 failed.', []);
    expect(text).toContain('Extension version: 0.1.0\n');
    expect(text).toContain('Browser: Chromium/140\n');
    expect(text).toContain('Exported: 2026-12-04T11:00:00.000Z\n');
    expect(text).toContain('"apiUrl": "http://127.0.0.1:4010"');
    expect(text).toContain('"psaSites": [\n    "https://psa.example.com"\n  ]');
    expect(text).toContain('Log lines: 1 (oldest first)');
    expect(text.endsWith('2026-12-04T10:00:00.000Z WARN Sync ab12 failed.\n')).toBe(true);
  });

  it('leaves out the credential hint', () => {
    expect(settingsForLog(settings)).not.toHaveProperty('credentialHint');
    expect(build('line', [])).not.toContain('4f1b');
  });

  it('removes stored credential values', () => {
    const text = build(`Bad header ${API_KEY} and ${encodeURIComponent(API_KEY)}`, [API_KEY]);
    expect(text).not.toContain(API_KEY);
    expect(text).toContain('Bad header [redacted] and [redacted]');
    expect(text).toContain('Stored credentials: removed from this file');
  });

  it('says when the vault was locked', () => {
    const text = build('x-api-key: abcdef123', null);
    expect(text).toContain('Stored credentials: not read (locked); pattern redaction only.');
    expect(text).toContain('x-api-key: [redacted]');
  });
});

describe('logFileName', () => {
  it('names the day', () => {
    expect(logFileName(new Date('2026-12-04T11:00:00Z'))).toBe('addigy-counts-log-2026-12-04.txt');
  });
});
