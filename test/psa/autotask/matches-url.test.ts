import { describe, expect, it } from 'vitest';
import { autotaskAdapter } from '../../../lib/psa/autotask/adapter';

describe('Autotask adapter URL match', () => {
  it.each([
    'https://ww5.autotask.net/Contracts/Views/ContractView.asp?contractID=29683964',
    'https://ww14.autotask.net/Contracts/Views/ContractSummary.asp?contractID=29683964&ContractName=Acme&ClientName=Acme%20Dental',
    'https://ww1.autotask.net/contracts/views/contractsummary.asp?contractid=1',
    'https://ww22.autotask.net/AutotaskOnyx/LandingPage?view=umbrella-contract-details&view-data=eyJjb250cmFjdElkIjoxfQ==',
    'https://ww3.autotask.net/AutotaskOnyx/LandingPage',
    'https://psa.example.com/Contracts/Views/ContractView.asp?contractID=7',
    'http://127.0.0.1:8790/Contracts/Views/ContractSummary.asp?contractID=29683964',
    'http://127.0.0.1:8790/AutotaskOnyx/LandingPage?view=umbrella-contract-details',
  ])('matches %s', (url) => {
    expect(autotaskAdapter.matchesUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://ww5.autotask.net/',
    'https://ww5.autotask.net/Mvc/Framework/Navigation.mvc/Landing',
    'https://ww5.autotask.net/Contracts/Views/ContractView.aspx?contractID=1',
    'https://ww5.autotask.net/Contracts/ContractView.asp?contractID=1',
    'https://ww5.autotask.net/Autotask/Contracts/Views/ContractView.asp?contractID=1',
    'https://ww5.autotask.net/AutotaskOnyx/LandingPage/extra',
    'https://example.com/search?q=/Contracts/Views/ContractView.asp',
    'file:///Contracts/Views/ContractView.asp',
  ])('rejects %s', (url) => {
    expect(autotaskAdapter.matchesUrl(new URL(url))).toBe(false);
  });

  it('has the id autotask', () => {
    expect(autotaskAdapter.id).toBe('autotask');
  });
});
