import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haloPsaRoutes } from '../../../scripts/psa-fixtures/routes/halopsa';
import { PSA_FIXTURES_ROOT } from '../../../scripts/psa-fixtures/server';

describe('HaloPSA fixture routes', () => {
  it.each(['/recurringinvoice', '/RecurringInvoice', '/recurringinvoice/'])(
    'serve the invoice at %s',
    (path) => {
      const route = haloPsaRoutes.find((candidate) => candidate.path.test(path));

      expect(route?.file).toBe('halopsa/recurring-invoice.html');
    },
  );

  it.each(['/recurringinvoices', '/halopsa/recurring-invoice.html', '/x/recurringinvoice'])(
    'leave %s to the file server',
    (path) => {
      expect(haloPsaRoutes.some((route) => route.path.test(path))).toBe(false);
    },
  );

  it('name files that exist', () => {
    for (const route of haloPsaRoutes) {
      expect(existsSync(resolve(PSA_FIXTURES_ROOT, route.file))).toBe(true);
    }
  });
});
