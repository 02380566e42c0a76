import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { findRecordIds, parseRecordLink } from '../../../lib/psa/connectwise/record-links';

const PAGE_URL = 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US';
const ORIGIN = 'https://na.myconnectwise.net';
const ROUTER = '/v4_6_release/services/system_io/router/openrecord.rails';

describe('parseRecordLink', () => {
  it.each([
    [`${ORIGIN}${ROUTER}?recordType=AgreementFV&recid=4107`, 'AgreementFV', '4107'],
    [
      `${ROUTER}?locale=en_US&recordType=AgreementFV&recid=4107&companyName=acme`,
      'AgreementFV',
      '4107',
    ],
    ['openrecord.rails?recid=250&recordType=CompanyFV', 'CompanyFV', '250'],
    [`${ROUTER.toUpperCase()}?RECORDTYPE=companyfv&RecId=250`, 'companyfv', '250'],
    [`${ROUTER}?recordType=Company.fv&recid=250#top`, 'Company.fv', '250'],
    [
      '/v2025_1/ConnectWise.aspx?locale=en_US&routeTo=AgreementFV&recid=4230',
      'AgreementFV',
      '4230',
    ],
    [`${ROUTER}?recordType=ServiceFv&recid=368832`, 'ServiceFv', '368832'],
    [`${ROUTER}?recordType=AgreementFV&recid=%34%31%30%37`, 'AgreementFV', '4107'],
    [`${ROUTER}?recordType=AgreementFV&recid=999999999999999`, 'AgreementFV', '999999999999999'],
  ])('parses %s', (href, recordType, recordId) => {
    expect(parseRecordLink(href, PAGE_URL)).toStrictEqual({ recordType, recordId, origin: ORIGIN });
  });

  it('keeps the origin of a link to another host', () => {
    const link = parseRecordLink(
      `https://eu.myconnectwise.net${ROUTER}?recordType=CompanyFV&recid=9`,
      PAGE_URL,
    );
    expect(link?.origin).toBe('https://eu.myconnectwise.net');
  });

  it.each([
    ['no recid', `${ROUTER}?recordType=AgreementFV`],
    ['an empty recid', `${ROUTER}?recordType=AgreementFV&recid=`],
    ['recid 0, a new record', `${ROUTER}?recordType=CompanyFV&recid=0`],
    ['a leading zero', `${ROUTER}?recordType=AgreementFV&recid=04107`],
    ['a negative recid', `${ROUTER}?recordType=AgreementFV&recid=-4107`],
    ['a decimal recid', `${ROUTER}?recordType=AgreementFV&recid=41.07`],
    ['an exponent', `${ROUTER}?recordType=AgreementFV&recid=4e3`],
    ['a hex recid', `${ROUTER}?recordType=AgreementFV&recid=0x100B`],
    ['a padded recid', `${ROUTER}?recordType=AgreementFV&recid=%204107`],
    ['a NUL after the recid', `${ROUTER}?recordType=AgreementFV&recid=4107%00`],
    ['16 digits', `${ROUTER}?recordType=AgreementFV&recid=1000000000000000`],
    ['two recids', `${ROUTER}?recordType=AgreementFV&recid=4107&recid=4108`],
    ['the same recid twice', `${ROUTER}?recordType=AgreementFV&recid=4107&recid=4107`],
    ['no record type', `${ROUTER}?recid=4107`],
    ['an empty record type', `${ROUTER}?recordType=&recid=4107`],
    ['two record types', `${ROUTER}?recordType=AgreementFV&recordType=CompanyFV&recid=4107`],
    ['markup as record type', `${ROUTER}?recordType=%3Cimg%20src%3Dx%3E&recid=4107`],
    ['a routeTo on the router', `${ROUTER}?routeTo=AgreementFV&recid=4107`],
    [
      'a recordType on the app page',
      '/v4_6_release/ConnectWise.aspx?recordType=AgreementFV&recid=1',
    ],
    ['another page', '/v4_6_release/search.rails?recordType=AgreementFV&recid=4107'],
    ['the router as a folder', `${ROUTER}/x?recordType=AgreementFV&recid=4107`],
    ['the name in the query', '/other?openrecord.rails&recordType=AgreementFV&recid=4107'],
    ['a javascript: URL', `javascript:alert(1)//${ROUTER}?recordType=AgreementFV&recid=4107`],
    ['a data: URL', `data:text/html,${ROUTER}?recordType=AgreementFV&recid=4107`],
    ['an ftp: URL', `ftp://na.myconnectwise.net${ROUTER}?recordType=AgreementFV&recid=4107`],
    ['an invalid URL', 'https://[::1/openrecord.rails?recordType=AgreementFV&recid=4107'],
    ['a 2 KiB href', `${ROUTER}?recordType=AgreementFV&recid=4107&pad=${'a'.repeat(2048)}`],
  ])('rejects %s', (_, href) => {
    expect(parseRecordLink(href, PAGE_URL)).toBeNull();
  });

  it('rejects a relative link without a valid base', () => {
    expect(
      parseRecordLink(`${ROUTER}?recordType=AgreementFV&recid=4107`, 'about:blank'),
    ).toBeNull();
  });
});

describe('findRecordIds', () => {
  const windows: Window[] = [];
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
  });

  /** Returns a document at `url` whose body is `html`. */
  function loadPage(html: string, url = PAGE_URL): Document {
    const window = new Window({ url });
    windows.push(window);
    window.document.body.innerHTML = html;
    return window.document as unknown as Document;
  }

  const agreementLink = (recid: string, host = '') =>
    `<a href="${host}${ROUTER}?recordType=AgreementFV&amp;recid=${recid}">Agreement</a>`;
  const companyLink = (recid: string) =>
    `<a href="${ROUTER}?recordType=CompanyFV&amp;recid=${recid}">Company</a>`;

  it.each([
    ['agreement and company links', agreementLink('4107') + companyLink('250'), '4107', '250'],
    ['no links', '<p>Agreement 4107</p>', null, null],
    [
      'only other record types',
      `<a href="${ROUTER}?recordType=ServiceFv&amp;recid=1">T</a>`,
      null,
      null,
    ],
    ['the same agreement twice', agreementLink('4107') + agreementLink('4107'), '4107', null],
    [
      'two agreements',
      agreementLink('4107') + agreementLink('4108') + companyLink('250'),
      null,
      '250',
    ],
    ['an absolute link to the page host', agreementLink('4107', ORIGIN), '4107', null],
    ['a link to another host', agreementLink('4107', 'https://evil.example'), null, null],
    ['a link over http', agreementLink('4107', 'http://na.myconnectwise.net'), null, null],
    [
      'an app link',
      '<a href="ConnectWise.aspx?routeTo=CompanyFV&amp;recid=250">C</a>',
      null,
      '250',
    ],
    ['recid in text only', `<a href="${ROUTER}">recid=4107</a><span>recid=4107</span>`, null, null],
    ['anchors without href', '<a name="recid=4107">x</a><a>y</a>', null, null],
    ['a malformed link', agreementLink('0') + agreementLink('abc'), null, null],
  ])('reads %s', (_, html, agreementId, companyId) => {
    expect(findRecordIds(loadPage(html))).toStrictEqual({ agreementId, companyId });
  });

  it('reads only under an element', () => {
    const doc = loadPage(`<div id="banner">${companyLink('250')}</div>${agreementLink('4107')}`);
    const banner = doc.getElementById('banner');
    if (!banner) throw new Error('The test page has no #banner.');
    expect(findRecordIds(banner)).toStrictEqual({ agreementId: null, companyId: '250' });
  });

  it('resolves links against the page URL', () => {
    const doc = loadPage(agreementLink('4107'), 'https://cw.example.org/v2025_1/ConnectWise.aspx');
    expect(findRecordIds(doc)).toStrictEqual({ agreementId: '4107', companyId: null });
  });

  it('finds nothing in a page without a URL', () => {
    const doc = loadPage(agreementLink('4107') + agreementLink('4107', ORIGIN), 'about:blank');
    expect(findRecordIds(doc)).toStrictEqual({ agreementId: null, companyId: null });
  });
});
