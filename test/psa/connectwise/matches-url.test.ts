import { describe, expect, it } from 'vitest';
import { connectWiseAdapter } from '../../../lib/psa/connectwise/adapter';

describe('ConnectWise adapter URL match', () => {
  it.each([
    'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx',
    'https://eu.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US',
    'https://au.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US#abc$def_gh??ProductList',
    'https://psa.example.com/v4_6_release/connectwise.aspx?fullscreen=false&locale=en_US',
    'https://cw.example.org:8443/v2025_1/ConnectWise.aspx',
    'https://na.myconnectwise.net/v2019_3/ConnectWise.aspx',
    'http://127.0.0.1:8790/v4_6_release/ConnectWise.aspx?recid=4107',
  ])('matches %s', (url) => {
    expect(connectWiseAdapter.matchesUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://na.myconnectwise.net/',
    'https://na.myconnectwise.net/ConnectWise.aspx',
    'https://na.myconnectwise.net/v4_6_release/login/login.aspx',
    'https://na.myconnectwise.net/v4_6_release/services/system_io/router/openrecord.rails?recordType=AgreementFV&recid=12',
    'https://psa.example.com/cw/v4_6_release/ConnectWise.aspx',
    'https://psa.example.com/vNext/ConnectWise.aspx',
    'https://psa.example.com/v4_6_release/ConnectWise.aspx.bak',
    'https://example.com/search?q=/v4_6_release/ConnectWise.aspx',
    'file:///v4_6_release/ConnectWise.aspx',
  ])('rejects %s', (url) => {
    expect(connectWiseAdapter.matchesUrl(new URL(url))).toBe(false);
  });

  it('has the id connectwise', () => {
    expect(connectWiseAdapter.id).toBe('connectwise');
  });
});
