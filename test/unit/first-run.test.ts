// The first-run page: opened once on install, never on an update, not where the organisation says
// not to; and what it tells a new user, in both languages.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showWelcomeOnInstall, WELCOME_SHOWN_KEY, type FirstRunDeps } from '../../src/background/first-run';
import { checkPolicy, noPolicy } from '../../src/settings/managed-policy';
import { mountWelcome } from '../../src/welcome/welcome';
import { saveSettings } from '../../src/settings/storage';
import { defaultSettings } from '../../src/settings/settings';

function deps(policy: unknown = undefined) {
  const opened: string[] = [];
  let shown = false;
  const fake: FirstRunDeps = {
    readPolicy: async () => (policy === undefined ? noPolicy : checkPolicy(policy)),
    shown: async () => shown,
    markShown: async () => void (shown = true),
    open: async (url) => opened.push(url),
  };
  return { fake, opened };
}

beforeEach(() => fakeBrowser.reset());

describe('when the first-run page opens', () => {
  it('opens it on install, and only once', async () => {
    const { fake, opened } = deps();
    expect(await showWelcomeOnInstall('install', fake)).toBe(true);
    expect(await showWelcomeOnInstall('install', fake)).toBe(false);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/\/welcome\.html$/);
  });

  it('does not open it on an update, a browser update or a shared module update', async () => {
    const { fake, opened } = deps();
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(await showWelcomeOnInstall(reason, fake)).toBe(false);
    expect(opened).toEqual([]);
  });

  it("does not open it where the organisation's policy sets welcomePage to false", async () => {
    const { fake, opened } = deps({ welcomePage: false });
    expect(await showWelcomeOnInstall('install', fake)).toBe(false);
    expect(opened).toEqual([]);
  });

  it('names a welcomePage that is not true or false, and opens the page as if it were unset', async () => {
    expect(checkPolicy({ welcomePage: 'no' }).problems).toEqual([{ path: ['welcomePage'], message: 'errExpectedBoolean' }]);
    const { fake, opened } = deps({ welcomePage: 'no' });
    expect(await showWelcomeOnInstall('install', fake)).toBe(true);
    expect(opened).toHaveLength(1);
  });

  it('remembers in local storage that it was shown, and opens a tab on the page, with the browser itself', async () => {
    expect(await showWelcomeOnInstall('install')).toBe(true);
    expect(await showWelcomeOnInstall('install')).toBe(false);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url).filter(Boolean)).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
    expect(await fakeBrowser.storage.local.get(WELCOME_SHOWN_KEY)).toEqual({ welcomeShown: true });
  });
});

describe('what the first-run page says', () => {
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('says what it does, where it works, links both sites and the options, and makes the privacy promise', async () => {
    const root = document.createElement('main');
    await mountWelcome(root);
    expect(text(root.querySelector('h1'))).toBe('Unsub Lens is ready');
    expect(text(root)).toContain('puts a badge on every resource that cannot be unsubscribed');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a.open-page')].map((link) => [link.dataset.site, link.getAttribute('href')]);
    expect(links).toEqual([
      ['intl', 'https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement'],
      ['china', 'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement'],
    ]);
    expect(root.querySelector('[data-action="options"]')!.getAttribute('href')).toBe('/options.html');
    expect(text(root.querySelector('[data-privacy]'))).toContain('makes no network requests');
    expect(document.title).toBe('Unsub Lens is ready');
  });

  it('speaks Chinese when Chinese is chosen, with the Chinese name', async () => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    const root = document.createElement('main');
    await mountWelcome(root);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(text(root.querySelector('h1'))).toBe('退订助手已就绪');
    expect(text(root)).not.toMatch(/Unsub Lens/);
    expect(text(root.querySelector('a.open-page[data-site="china"]'))).toBe('打开费用中心 > 退订管理（中国站）');
    expect(text(root.querySelector('[data-privacy]'))).toContain('不发出任何网络请求');
  });
});
