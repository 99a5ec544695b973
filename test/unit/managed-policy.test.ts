// An organisation's policy (browser.storage.managed): checked like the settings, merged over the
// user's, and what the content script and the popup are then told.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerRequest } from '../../src/background/requests';
import type { PageConfig } from '../../src/messaging/protocol';
import { catalog } from '../../src/rules/catalog';
import { compileRules, evaluateCompiled } from '../../src/rules/engine';
import { applyPolicy, checkPolicy, readManagedPolicy } from '../../src/settings/managed-policy';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { saveSettings } from '../../src/settings/storage';
import { copyDefaultSettings } from '../../src/settings/coerce';

const SMN = 'service/simple-message-notification';
const DC = 'service/direct-connect';
const orgRule = { id: 'cloud-phone', names: ['Cloud Phone Host'], verdict: 'blocked' as const, explanation: 'Our contract forbids it.' };

const askPageConfig = () => answerRequest({ type: 'get-page-config' }, catalog) as Promise<PageConfig>;
const verdictOf = (config: PageConfig, productType: string) =>
  evaluateCompiled({ productType }, compileRules(config.rules, 'en', config.reasonWords.en));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('checking a policy', () => {
  it('keeps every value of a valid policy', () => {
    const raw = { lock: true, disabledRules: [DC], rules: [orgRule], extraHeaders: { productType: ['Service'] }, language: 'zh', showAllowed: true };
    expect(checkPolicy(raw)).toEqual({ policy: raw, problems: [] });
  });

  it('ignores each value that fails, naming it as the policy names it, and keeps the rest', () => {
    const { policy, problems } = checkPolicy({
      lock: 'yes',
      language: 'fr',
      rules: [orgRule, { id: 'Bad Id', names: [], verdict: 'blocked', explanation: '' }],
      disabledRules: [SMN],
      colour: 'red',
    });
    expect(policy).toEqual({ lock: false, rules: [orgRule], disabledRules: [SMN] });
    expect(problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`)).toEqual([
      'colour: errUnknownField',
      'language: errExpectedLanguage',
      'rules.1.id: errUserRuleId',
      'rules.1.names: errNamesEmpty',
      'lock: errExpectedBoolean',
    ]);
  });

  it('says when the policy is not an object, and reads no policy as none', () => {
    expect(checkPolicy(['x'])).toEqual({ policy: { lock: false }, problems: [{ path: [], message: 'errNotObject' }] });
    expect(checkPolicy(undefined)).toEqual({ policy: { lock: false }, problems: [] });
  });
});

describe('merging a policy over the user', () => {
  const user: Settings = {
    ...copyDefaultSettings(),
    language: 'en',
    disabledRules: [SMN, 'org/cloud-phone'],
    extraHeaders: { productType: ['Type'] },
  };

  it("locked: its values are in force, lists add to the user's, and its rules cannot be switched off", () => {
    const merged = applyPolicy(user, true, {
      lock: true,
      language: 'zh',
      showAllowed: true,
      disabledRules: [DC],
      rules: [orgRule],
      extraHeaders: { productType: ['Service', 'Type'] },
    });
    expect(merged).toEqual({
      ...user,
      language: 'zh',
      showAllowed: true,
      disabledRules: [SMN, DC],
      extraHeaders: { productType: ['Type', 'Service'] },
      orgRules: [orgRule],
    });
  });

  it("unlocked: a suggestion for a user who has saved nothing, the user's own choice once saved; its rules apply either way", () => {
    const policy = { lock: false, language: 'zh' as const, disabledRules: [DC], rules: [orgRule] };
    expect(applyPolicy(copyDefaultSettings(), false, policy)).toMatchObject({ language: 'zh', disabledRules: [DC], orgRules: [orgRule] });
    expect(applyPolicy(user, true, policy)).toEqual({ ...user, orgRules: [orgRule] });
  });
});

describe('the policy the browser holds', () => {
  it('is read from managed storage and checked', async () => {
    await fakeBrowser.storage.managed.set({ lock: true, disabledRules: [SMN], language: 42 });
    expect(await readManagedPolicy()).toEqual({
      policy: { lock: true, disabledRules: [SMN] },
      problems: [{ path: ['language'], message: 'errExpectedLanguage' }],
    });
  });

  it('is none when the browser has none, and an unexpected error is reported, not thrown', async () => {
    expect(await readManagedPolicy()).toEqual({ policy: { lock: false }, problems: [] });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readManagedPolicy()).toEqual({ policy: { lock: false }, problems: [] });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('disk on fire'));
    expect(await readManagedPolicy()).toMatchObject({ policy: { lock: false }, error: 'disk on fire' });
  });

  it("reaches the content script: a locked rule is off whatever the user saved, the organisation's rule badges", async () => {
    await saveSettings({ ...defaultSettings, disabledRules: [] });
    await fakeBrowser.storage.managed.set({ lock: true, disabledRules: [SMN], rules: [orgRule], showAllowed: true });
    const config = await askPageConfig();
    expect(config.showAllowed).toBe(true);
    expect(config.rules.map((rule) => rule.id)).not.toContain(SMN);
    expect(verdictOf(config, 'Simple Message Notification').verdict).toBe('allowed');
    const phone = verdictOf(config, 'Cloud Phone Host');
    expect(phone.verdict).toBe('blocked');
    expect(phone.reasons[0]).toMatchObject({ ruleId: 'org/cloud-phone', source: { section: 'Set by your organisation' } });
  });

  it('reaches the popup with its rules, and a policy value that fails changes nothing else', async () => {
    await saveSettings({ ...defaultSettings, language: 'en' });
    await fakeBrowser.storage.managed.set({ lock: true, language: 'klingon', rules: [orgRule] });
    expect(await answerRequest({ type: 'get-settings' }, catalog)).toEqual({ ...defaultSettings, language: 'en', orgRules: [orgRule] });
  });
});

describe('a browser slow to answer for its policy', () => {
  it('does not hold the badges back: the settings come without the policy, marked pending, and the content script asks again', async () => {
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    // One read of the policy service, answered late: every read waits for it.
    const policy = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => policy as never);
    const started = performance.now();
    const first = await askPageConfig();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(first.policyPending).toBe(true);
    expect(first.rules.map((rule) => rule.id)).toContain(SMN);

    answer({ lock: true, disabledRules: [SMN] });
    const { followPageConfig } = await import('../../src/messaging/page-config');
    const applied: PageConfig[] = [];
    const retries: Array<() => void> = [];
    const answers = [first, await askPageConfig()];
    const stop = followPageConfig(
      (config) => applied.push(config),
      () => Promise.resolve(answers.shift()),
      (_ms, then) => retries.push(then),
    );
    await vi.waitFor(() => expect(retries).toHaveLength(1));
    retries[0]!();
    await vi.waitFor(() => expect(applied).toHaveLength(2));
    expect(applied[1]!.policyPending).toBeUndefined();
    expect(applied[1]!.rules.map((rule) => rule.id)).not.toContain(SMN);
    expect(retries).toHaveLength(1); // no more asking once the policy is in
    stop();
  });
});
