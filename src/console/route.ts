// Is this URL the Billing Center's Unsubscriptions page? The console is hash-routed and also
// deep-links with ?hws_route_url=, so the route can sit in either place.

const hosts = new Set(['account.huaweicloud.com', 'account-intl.huaweicloud.com']); // siteHosts, below
const routePattern = /^\/?(userindex|enterpriseProjectIndex)\/retreatManagement(?:[/?]|$)/;

export function isUnsubscriptionsRoute(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || !hosts.has(url.hostname) || !url.pathname.startsWith('/usercenter')) return false;
  // Once the console has routed, the hash is the truth; the deep link only counts before that.
  const hashRoute = url.hash.replace(/^#/, '');
  if (hashRoute.replace(/^\//, '')) return routePattern.test(hashRoute);
  const deepLink = url.searchParams.get('hws_route_url');
  return deepLink !== null && routePattern.test(deepLink.replace(/^#/, ''));
}

export type ConsoleSite = 'intl' | 'china';

/** The console's host of a site. */
export const siteHosts: Readonly<Record<ConsoleSite, string>> = { intl: 'account-intl.huaweicloud.com', china: 'account.huaweicloud.com' };

/** The Unsubscriptions page of a site, as the console's own menu opens it. */
export const unsubscriptionsUrl = (site: ConsoleSite): string => `https://${siteHosts[site]}/usercenter/#/userindex/retreatManagement`;

/** The site of a console URL, or undefined for any other. */
export function siteOf(href: string): ConsoleSite | undefined {
  try {
    const host = new URL(href).hostname;
    return host === siteHosts.china ? 'china' : host === siteHosts.intl ? 'intl' : undefined;
  } catch {
    return undefined;
  }
}
