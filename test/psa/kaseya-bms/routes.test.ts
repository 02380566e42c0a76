import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kaseyaBmsRoutes } from '../../../scripts/psa-fixtures/routes/kaseya-bms';
import { PSA_FIXTURES_ROOT } from '../../../scripts/psa-fixtures/server';

describe('Kaseya BMS fixture routes', () => {
  it.each(['/MSP/ContractDetail.aspx', '/msp/contractdetail.aspx'])(
    'serve the contract at %s',
    (path) => {
      const route = kaseyaBmsRoutes.find((candidate) => candidate.path.test(path));

      expect(route?.file).toBe('kaseya-bms/contract-detail.html');
    },
  );

  it.each(['/MSP/ContractList.aspx', '/kaseya-bms/contract-detail.html'])(
    'leave %s to the file server',
    (path) => {
      expect(kaseyaBmsRoutes.some((route) => route.path.test(path))).toBe(false);
    },
  );

  it('name files that exist', () => {
    for (const route of kaseyaBmsRoutes) {
      expect(existsSync(resolve(PSA_FIXTURES_ROOT, route.file))).toBe(true);
    }
  });
});
