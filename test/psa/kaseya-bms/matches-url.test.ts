import { describe, expect, it } from 'vitest';
import { kaseyaBmsAdapter } from '../../../lib/psa/kaseya-bms/adapter';

describe('Kaseya BMS adapter URL match', () => {
  it.each([
    'https://bms.kaseya.com/MSP/ContractDetail.aspx?ID=5521',
    'https://bms.kaseya.com/msp/contractdetail.aspx?id=5521',
    'https://bmsemea.kaseya.com/MSP/ContractEdit.aspx?ID=5521&tab=services',
    'https://bms.example.com/MSP/ContractDetail.aspx',
    'http://127.0.0.1:8790/MSP/ContractDetail.aspx?ID=5538#ID=5521',
  ])('matches %s', (url) => {
    expect(kaseyaBmsAdapter.matchesUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://bms.kaseya.com/',
    'https://bms.kaseya.com/MSP/TicketEdit.aspx?ID=10',
    'https://bms.kaseya.com/MSP/ContractList.aspx',
    'https://bms.kaseya.com/MSP/ContractsListing.aspx',
    'https://bms.kaseya.com/CRM/ContractDetail.aspx?ID=5521',
    'https://bms.kaseya.com/MSP/ContractDetail.aspx.bak',
    'https://bms.kaseya.com/react/finance/contracts/5521',
    'file:///MSP/ContractDetail.aspx?ID=5521',
  ])('rejects %s', (url) => {
    expect(kaseyaBmsAdapter.matchesUrl(new URL(url))).toBe(false);
  });

  it('has the id kaseya-bms', () => {
    expect(kaseyaBmsAdapter.id).toBe('kaseya-bms');
  });
});
