// What the background tells the content script about the settings: read from storage, checked, and
// turned into the rules in effect, so the content script needs no settings code of its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { headerNames } from '../../src/console/columns';
import { reasonWords } from '../../src/rules/reason-words';
import { badgeText } from '../../src/badges/badge-text';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { answerRequest } from '../../src/background/requests';
import type { PageConfig } from '../../src/messaging/protocol';
import { catalog } from '../../src/rules/catalog';
import { evaluateCompiled, compileRules } from '../../src/rules/engine';
import { defaultSettings } from '../../src/settings/settings';
import { loadRejectedSettings, saveSettings } from '../../src/settings/storage';

const SMN = 'service/simple-message-notification';
const catalogIds = catalog.rules.map((rule) => rule.id);

const askPageConfig = () => answerRequest({ type: 'get-page-config' }, catalog) as Promise<PageConfig>;
const ids = (config: PageConfig) => config.rules.map((rule) => rule.id);
/** What the content script would badge a row showing `productType` with, given this config. */
const verdictOf = (config: PageConfig, productType: string) =>
  evaluateCompiled({ productType }, compileRules(config.rules, 'en', config.reasonWords.en)).verdict;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the page config the background answers', () => {
  it('is the defaults and the whole catalog when nothing is stored', async () => {
    const config = await askPageConfig();
    expect(config).toEqual({
      enabled: true,
      showAllowed: false,
      language: 'page',
      headers: headerNames(),
      words: badgeText,
      reasonWords,
      rules: catalog.rules,
      fiveDayTopic: catalog.topics!.find((topic) => topic.id === 'five-day-no-reason'),
    });
    expect(verdictOf(config, 'Simple Message Notification')).toBe('blocked');
  });

  it('leaves out a rule the user switched off, and only that one', async () => {
    await saveSettings({ ...defaultSettings, disabledRules: [SMN] });
    const config = await askPageConfig();
    expect(ids(config)).not.toContain(SMN);
    expect(ids(config)).toEqual(catalogIds.filter((id) => id !== SMN));
    expect(verdictOf(config, 'Simple Message Notification')).toBe('allowed');
  });

  it("carries the user's own rule, which then badges the product it names", async () => {
    const userRule = { id: 'cloud-phone', names: ['Cloud Phone Host', 'CPH'], verdict: 'caution' as const, explanation: 'Ask the account manager.' };
    await saveSettings({ ...defaultSettings, userRules: [userRule] });
    const config = await askPageConfig();
    const carried = config.rules.find((rule) => rule.id === 'user/cloud-phone');
    expect(carried).toMatchObject({ verdict: 'caution', title: { en: 'Cloud Phone Host' }, explanation: { en: 'Ask the account manager.' } });
    expect(carried?.names?.map((name) => name.text)).toEqual(['Cloud Phone Host', 'CPH']);
    expect(verdictOf(config, 'Cloud Phone Host')).toBe('caution');
  });

  it('drops a user rule the user switched off', async () => {
    const userRule = { id: 'cloud-phone', names: ['Cloud Phone Host'], verdict: 'blocked' as const, explanation: '' };
    await saveSettings({ ...defaultSettings, userRules: [userRule], disabledRules: ['user/cloud-phone'] });
    expect(ids(await askPageConfig())).not.toContain('user/cloud-phone');
  });

  it('passes on the switches, the language and the extra header names', async () => {
    await saveSettings({ ...defaultSettings, enabled: false, showAllowed: true, language: 'zh', extraHeaders: { productType: ['Cloud Product'] } });
    const config = await askPageConfig();
    expect(config).toMatchObject({ enabled: false, showAllowed: true, language: 'zh' });
    // The user's header name comes first, before the console's own.
    expect(config.headers.productType?.slice(0, 2)).toEqual(['Cloud Product', 'Product Type']);
  });

  it('falls back to the defaults for corrupt stored settings, and keeps what was stored aside', async () => {
    await fakeBrowser.storage.sync.set({ settings: '{"enabled": fals' });
    const config = await askPageConfig();
    expect(config).toEqual({
      enabled: true,
      showAllowed: false,
      language: 'page',
      headers: headerNames(),
      words: badgeText,
      reasonWords,
      rules: catalog.rules,
      fiveDayTopic: catalog.topics!.find((topic) => topic.id === 'five-day-no-reason'),
    });
    expect(await loadRejectedSettings()).toMatchObject({ kind: 'invalid', value: '{"enabled": fals' });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toBe('{"enabled": fals');
  });

  it('keeps each usable field of partly wrong settings and defaults the rest', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'no', disabledRules: [SMN, 7], userRules: 'none' } });
    const config = await askPageConfig();
    expect(config.enabled).toBe(true);
    expect(ids(config)).toEqual(catalogIds.filter((id) => id !== SMN));
  });

  it('uses the defaults when a later version wrote the settings', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: false, disabledRules: [SMN] }, settings$: { v: 99 } });
    const config = await askPageConfig();
    expect(config.enabled).toBe(true);
    expect(ids(config)).toContain(SMN);
  });

  it('still answers with the defaults when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    const config = await askPageConfig();
    expect(config).toMatchObject({ enabled: true, rules: catalog.rules });
  });
});

describe("the background's message listener", () => {
  beforeEach(() => {
    background.main();
  });

  /** The listeners' answers, as the browser (and webextension-polyfill) would take them. */
  const answersTo = (message: unknown): Promise<unknown[]> => fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined);

  it('answers get-page-config and get-catalog', async () => {
    await saveSettings({ ...defaultSettings, disabledRules: [SMN] });
    const [config] = (await answersTo({ type: 'get-page-config' })) as PageConfig[];
    expect(config?.rules.map((rule) => rule.id)).not.toContain(SMN);
    expect(await answersTo({ type: 'get-catalog' })).toEqual([catalog]);
  });

  it('answers get-settings with the checked settings: a stored field it cannot use is its default', async () => {
    const userRule = { id: 'my-host', names: ['My Host'], verdict: 'caution' as const, explanation: '' };
    await fakeBrowser.storage.sync.set({ settings: { showAllowed: 'yes', language: 'zh', userRules: [userRule] } });
    const [settings] = await answersTo({ type: 'get-settings' });
    expect(settings).toEqual({ ...defaultSettings, orgRules: [], language: 'zh', userRules: [userRule] });
  });

  it("keeps a newer version's settings aside as soon as they arrive, with no page asking", async () => {
    const future = { enabled: false, rules: { trial: 'off' } };
    await fakeBrowser.storage.sync.set({ settings: future, settings$: { v: 99 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await loadRejectedSettings()).toMatchObject({ kind: 'newer-version', version: 99, value: future });
  });

  it('answers nothing to other messages, so no other listener is overruled', async () => {
    expect(await answersTo({ type: 'blocked-count', count: 2 })).toEqual([undefined]);
    expect(await answersTo({ type: 'get-summary' })).toEqual([undefined]);
    expect(await answersTo(null)).toEqual([undefined]);
    expect(answerRequest('get-page-config', catalog)).toBeUndefined();
  });
});
