import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchRoute } from '../../src/content/route-watcher';

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

describe('following the route', () => {
  let controller = new AbortController();
  afterEach(() => {
    controller.abort();
    controller = new AbortController();
  });

  it('reports a pushState route change with the new URL once the page re-renders, before any poll', async () => {
    setUrl('https://account.huaweicloud.com/usercenter/#/userindex/overview');
    const seen: string[] = [];
    watchRoute(window, (href) => seen.push(href), controller.signal, { pollMs: 60_000 });
    history.pushState(null, '', '#/userindex/retreatManagement');
    document.body.append(document.createElement('div')); // the router renders the new route
    await vi.waitFor(() => expect(seen).toEqual(['https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement']));
  });

  it('reports a change nothing announced, by polling; the same URL twice is one change', async () => {
    setUrl('https://account.huaweicloud.com/usercenter/#/userindex/overview');
    const seen: string[] = [];
    watchRoute(window, (href) => seen.push(href), controller.signal, { pollMs: 20 });
    history.replaceState(null, '', '#/enterpriseProjectIndex/retreatManagement');
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen).toEqual(['https://account.huaweicloud.com/usercenter/#/enterpriseProjectIndex/retreatManagement']);
  });

  it('reports nothing once its signal is aborted', async () => {
    setUrl('https://account.huaweicloud.com/usercenter/#/userindex/overview');
    const local = new AbortController();
    const onChange = vi.fn();
    watchRoute(window, onChange, local.signal, { pollMs: 20 });
    local.abort();
    history.pushState(null, '', '#/userindex/retreatManagement');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(onChange).not.toHaveBeenCalled();
  });
});
