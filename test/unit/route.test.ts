import { describe, expect, it } from 'vitest';
import { isUnsubscriptionsRoute } from '../../src/console/route';
import { detectPageLanguage } from '../../src/page/page-language';

describe('the Unsubscriptions route', () => {
  it.each([
    'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement',
    'https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement',
    'https://account.huaweicloud.com/usercenter/#/enterpriseProjectIndex/retreatManagement',
    'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement?tab=notAllowed',
    'https://account.huaweicloud.com/usercenter/?hws_route_url=userindex/retreatManagement',
    'https://account-intl.huaweicloud.com/usercenter/?locale=en-us&hws_route_url=%23%2Fuserindex%2FretreatManagement',
  ])('is recognized at %s', (url) => expect(isUnsubscriptionsRoute(url)).toBe(true));

  it.each([
    'https://account.huaweicloud.com/usercenter/#/userindex/overview',
    'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagementX',
    'https://account.huaweicloud.com/usercenter/?hws_route_url=userindex/retreatManagement#/userindex/overview',
    'https://evil.example/usercenter/#/userindex/retreatManagement',
    'http://account.huaweicloud.com/usercenter/#/userindex/retreatManagement',
    'https://account.huaweicloud.com/other/#/userindex/retreatManagement',
    'not a url',
  ])('is not %s', (url) => expect(isUnsubscriptionsRoute(url)).toBe(false));
});

describe('the page language', () => {
  const page = (lang: string | null) => {
    const doc = document.implementation.createHTMLDocument('');
    if (lang !== null) doc.documentElement.setAttribute('lang', lang);
    return doc;
  };
  it('follows <html lang>', () => {
    expect(detectPageLanguage(page('zh-CN'), 'en-US')).toBe('zh');
    expect(detectPageLanguage(page('en-us'), 'zh-CN')).toBe('en');
  });
  it('falls back to the browser language when the page says none', () => {
    expect(detectPageLanguage(page(null), 'zh-CN')).toBe('zh');
    expect(detectPageLanguage(page(''), 'fr-FR')).toBe('en');
  });
});
