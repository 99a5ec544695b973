// The content script follows the settings through the background: it asks for its page config, asks
// again when the stored settings change, copes with a background that does not answer, and stops
// listening when the extension goes away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import background from '../../entrypoints/background';
import content from '../../entrypoints/content/index';
import { claimLifetime } from '../../src/content/lifetime';
import { followPageConfig, requestPageConfig } from '../../src/messaging/page-config';
import { RETRY_DELAY_MS } from '../../src/messaging/send';
import type { PageConfig } from '../../src/messaging/protocol';
import { headerNames } from '../../src/console/columns';
import { badgeText } from '../../src/badges/badge-text';
import { catalog } from '../../src/rules/catalog';
import { reasonWords } from '../../src/rules/reason-words';
import { defaultSettings } from '../../src/settings/settings';
import { saveSettings } from '../../src/settings/storage';
import { buildTinyTable } from '../support/page-builder';

const SMN = 'service/simple-message-notification';
const config = (fields: Partial<PageConfig> = {}): PageConfig => ({
  enabled: true,
  showAllowed: false,
  language: 'en',
  headers: headerNames(),
  words: badgeText,
  reasonWords,
  rules: catalog.rules,
  ...fields,
});

/** Lets pending promise callbacks and zero-delay timers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

type SendMessage = (message: unknown) => Promise<unknown>;
const stubSendMessage = (implementation: SendMessage) => vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(implementation);

/** Messages go to the listeners registered on the fake runtime; the first answer wins, as in the browser. */
const deliverToListeners: SendMessage = async (message) =>
  (await fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined)).find((answer) => answer !== undefined);

const noConnection = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('asking the background for the page config', () => {
  it('takes the first answer', async () => {
    const send = stubSendMessage(async () => config());
    const wait = vi.fn(async () => undefined);
    expect(await requestPageConfig(wait)).toEqual(config());
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'get-page-config' });
    expect(wait).not.toHaveBeenCalled();
  });

  it('asks once more, after a pause, when a waking service worker fails the first time', async () => {
    const send = stubSendMessage(noConnection);
    send.mockImplementationOnce(noConnection).mockImplementationOnce(async () => config({ showAllowed: true }));
    const wait = vi.fn(async () => undefined);
    expect(await requestPageConfig(wait)).toMatchObject({ showAllowed: true });
    expect(wait).toHaveBeenCalledWith(RETRY_DELAY_MS);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('asks once more when nothing answered', async () => {
    const send = stubSendMessage(async () => undefined);
    send.mockImplementationOnce(async () => undefined).mockImplementationOnce(async () => config());
    expect(await requestPageConfig(async () => undefined)).toEqual(config());
  });

  it('gives up without throwing after the second failure', async () => {
    const send = stubSendMessage(noConnection);
    await expect(requestPageConfig(async () => undefined)).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('following the settings', () => {
  it('asks at once, and again after each change to the stored settings', async () => {
    const send = stubSendMessage(async () => config());
    const applied: PageConfig[] = [];
    const stop = followPageConfig((next) => applied.push(next));
    await settle();
    expect(applied).toHaveLength(1);

    await saveSettings({ ...defaultSettings, showAllowed: true });
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    expect(applied).toHaveLength(2);

    // Corrupt data written by something else is a change too: the background decides what it means.
    await fakeBrowser.storage.sync.set({ settings: 'garbled' });
    await settle();
    expect(applied).toHaveLength(3);
    stop();
  });

  it('ignores changes to other keys and other storage areas', async () => {
    const send = stubSendMessage(async () => config());
    const stop = followPageConfig(() => undefined);
    await settle();
    await fakeBrowser.storage.local.set({ settings: { enabled: false }, settingsRejected: { value: 1 } });
    await fakeBrowser.storage.sync.set({ somethingElse: 1 });
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    stop();
  });

  it('applies the newest answer when answers come back out of order', async () => {
    const pending: Array<(config: PageConfig) => void> = [];
    const applied: PageConfig[] = [];
    const stop = followPageConfig(
      (next) => applied.push(next),
      () => new Promise<PageConfig | undefined>((resolve) => pending.push(resolve)),
    );
    await fakeBrowser.storage.sync.set({ settings: { showAllowed: true } });
    expect(pending).toHaveLength(2);
    pending[1]!(config({ showAllowed: true }));
    await settle();
    pending[0]!(config({ showAllowed: false }));
    await settle();
    expect(applied.map((c) => c.showAllowed)).toEqual([true]);
    stop();
  });

  it('keeps the last config when asking again fails', async () => {
    const send = stubSendMessage(async () => config({ showAllowed: true }));
    const applied: PageConfig[] = [];
    const stop = followPageConfig(
      (next) => applied.push(next),
      () => requestPageConfig(async () => undefined),
    );
    await settle();
    send.mockImplementation(noConnection);
    await fakeBrowser.storage.sync.set({ settings: { showAllowed: false } });
    await settle();
    expect(applied.map((c) => c.showAllowed)).toEqual([true]);
    stop();
  });

  it('neither asks nor applies anything once stopped', async () => {
    let answer!: (config: PageConfig) => void;
    const request = vi.fn(() => new Promise<PageConfig | undefined>((resolve) => (answer = resolve)));
    const apply = vi.fn();
    const stop = followPageConfig(apply, request);
    stop();
    answer(config());
    await fakeBrowser.storage.sync.set({ settings: { enabled: false } });
    await settle();
    expect(request).toHaveBeenCalledTimes(1);
    expect(apply).not.toHaveBeenCalled();
  });
});

describe('the content script on the console page', () => {
  const consoleUrl = 'https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement';
  let ctx: ContentScriptContext;
  /** Ends the running content script as a newer instance of it would. */
  const endContentScript = () => claimLifetime(globalThis, () => true).end();

  const rowVerdicts = () => [...document.querySelectorAll('.ti3-table-container tbody > tr')].map((tr) => tr.getAttribute('data-unsub-lens'));
  const badgeCount = () => document.querySelectorAll('.unsub-lens-badge').length;

  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(consoleUrl);
    document.body.replaceChildren(
      buildTinyTable(document, [
        { name: 'notify-prod', product: 'Simple Message Notification' },
        { name: 'web-1', product: 'Elastic Cloud Server' },
      ]).root,
    );
    background.main();
    ctx = new ContentScriptContext('content');
  });
  afterEach(() => {
    endContentScript();
    ctx.notifyInvalidated();
    document.body.replaceChildren();
  });

  it('badges the page with the stored settings, and follows an options change live', async () => {
    stubSendMessage(deliverToListeners);
    await content.main(ctx);
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['blocked', 'allowed']));
    expect(badgeCount()).toBe(1);

    await saveSettings({ ...defaultSettings, disabledRules: [SMN] });
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['allowed', 'allowed']));
    expect(badgeCount()).toBe(0);

    await saveSettings({ ...defaultSettings, showAllowed: true });
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['blocked', 'allowed']));
    await vi.waitFor(() => expect(badgeCount()).toBe(2));

    await saveSettings({ ...defaultSettings, enabled: false });
    await vi.waitFor(() => expect(badgeCount()).toBe(0));
    expect(rowVerdicts()).toEqual([null, null]);
  });

  it('stays out of the page when the background never answers, and throws nothing', async () => {
    const send = stubSendMessage(noConnection);
    await content.main(ctx);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS + 50));
    expect(send).toHaveBeenCalledTimes(2);
    expect(rowVerdicts()).toEqual([null, null]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'get-summary' }, {}, () => undefined)).toContainEqual(null);
  });

  it('stops following the settings when the extension is updated or removed', async () => {
    const send = stubSendMessage(deliverToListeners);
    await content.main(ctx);
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['blocked', 'allowed']));
    const asked = send.mock.calls.filter(([message]) => (message as { type?: string }).type === 'get-page-config').length;

    // What an orphaned content script sees after an update: its runtime has no id any more.
    const id = vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    try {
      await vi.waitFor(() => expect(badgeCount()).toBe(0), { timeout: 3000 });
      await saveSettings({ ...defaultSettings, showAllowed: true });
      await settle();
      expect(send.mock.calls.filter(([message]) => (message as { type?: string }).type === 'get-page-config')).toHaveLength(asked);
      expect(badgeCount()).toBe(0);
    } finally {
      id.mockRestore();
    }
  });

  it('a newer instance of the script takes over: the older one stops and leaves no badge twice', async () => {
    stubSendMessage(deliverToListeners);
    await content.main(ctx);
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['blocked', 'allowed']));
    await content.main(new ContentScriptContext('content'));
    await settle();
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['blocked', 'allowed']));
    expect(badgeCount()).toBe(1);
    await saveSettings({ ...defaultSettings, showAllowed: true });
    await vi.waitFor(() => expect(badgeCount()).toBe(2));
  });

  it("keeps working when the page replays WXT's script-started event or its postMessage", async () => {
    stubSendMessage(deliverToListeners);
    await content.main(ctx);
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['blocked', 'allowed']));
    // What any script on the console could send: the event that makes a ContentScriptContext give up.
    const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'page' } }));
    window.postMessage({ type: name, contentScriptName: 'content', messageId: 'page' }, '*');
    expect(ctx.isValid).toBe(false); // WXT's context did give up...
    await settle();
    expect(rowVerdicts()).toEqual(['blocked', 'allowed']); // ...the badges did not
    expect(badgeCount()).toBe(1);
    await saveSettings({ ...defaultSettings, disabledRules: [SMN] });
    await vi.waitFor(() => expect(rowVerdicts()).toEqual(['allowed', 'allowed']));
  });
});
