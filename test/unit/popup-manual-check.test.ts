// Checking a resource by hand, the checklist of conditions no page shows, and the toolbar badge.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerAsBackground } from '../support/background';
import { catalog } from '../../src/rules/catalog';
import { compileRules, evaluate, evaluateCompiled } from '../../src/rules/engine';
import { pageConfigFrom } from '../../src/background/page-config';
import { saveSettings } from '../../src/settings/storage';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { loadTranslator, type MessageKey, type Translate } from '../../src/i18n/messages';
import { billingModeChoices, manualCheckResource, statusChoices, tagChoices, type ManualCheckInput } from '../../src/popup/manual-check';
import { mountPopup } from '../../src/popup/popup';
import { badgeText, onBackgroundMessage } from '../../src/background/toolbar-badge';

let en: Translate;
let zh: Translate;
beforeAll(async () => {
  en = await loadTranslator('en');
  zh = await loadTranslator('zh');
});
beforeEach(() => {
  fakeBrowser.reset();
  answerAsBackground();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

// What each choice stands for, from the source document (null: no rule applies).
const expected: Record<string, string | null> = {
  billingYearlyMonthly: null,
  billingPayPerUse: null,
  billingPackage: 'pay-per-use-package',
  billingOneOff: 'one-off-billing',
  billingFree: 'free',
  statusInUse: null,
  statusExpired: 'expired',
  statusFrozen: 'frozen-for-security',
  statusPendingPayment: 'transaction-in-progress',
  statusUnderReview: 'special-unsubscription-pending',
  tagTrial: 'trial',
  tagDevCloud: 'devcloud',
  tagResourcePackage: 'pay-per-use-package',
  tagFree: 'free',
  tagKooGallery: 'marketplace',
  tagInvoiced: 'marketplace-invoiced',
  tagPromotion: 'promotion',
};

describe('the by-hand check choices', () => {
  const cases: [string, MessageKey, 'billingMode' | 'status' | 'tags'][] = [
    ...billingModeChoices.map((key) => ['billing', key, 'billingMode'] as [string, MessageKey, 'billingMode']),
    ...statusChoices.map((key) => ['status', key, 'status'] as [string, MessageKey, 'status']),
    ...tagChoices.map((key) => ['tag', key, 'tags'] as [string, MessageKey, 'tags']),
  ];

  it('cover every choice with an expectation', () => {
    expect(cases.map(([, key]) => key).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const lang of ['en', 'zh'] as const)
    it.each(cases)(`%s %s, in ${lang}, is matched by the rule it stands for`, (_, key, field) => {
      const t = lang === 'en' ? en : zh;
      const input: ManualCheckInput = field === 'tags' ? { productType: '', tags: [key] } : { productType: '', tags: [], [field]: key };
      const resource = manualCheckResource(input, t);
      const rules = evaluate(resource, catalog, { lang }).reasons.map((reason) => reason.ruleId);
      const want = expected[key];
      if (want) expect(rules, `${t(key)}`).toContain(want);
      else expect(rules, `${t(key)}`).toEqual([]);
    });

  it('combines the fields the way a row does: invoiced alone is a check, invoiced KooGallery a block', () => {
    const invoiced = evaluate(manualCheckResource({ productType: '', tags: ['tagInvoiced'] }, en), catalog);
    expect(invoiced.verdict).toBe('caution');
    const both = evaluate(manualCheckResource({ productType: '', tags: ['tagInvoiced', 'tagKooGallery'] }, en), catalog);
    expect(both.verdict).toBe('blocked');
    expect(both.reasons.map((r) => r.ruleId)).toContain('marketplace-invoiced');
  });
});

describe('the by-hand check in the popup', () => {
  async function open() {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    await (
      await mountPopup(root, { search: '' })
    ).pageReady;
    return root;
  }

  it('gives an expired Direct Connect the verdict its badge would, with both reasons', async () => {
    const root = await open();
    const form = root.querySelector('.check-form')!;
    const product = form.querySelector<HTMLInputElement>('input[type="text"]')!;
    product.value = 'Direct Connect';
    product.dispatchEvent(new Event('input', { bubbles: true }));
    const status = form.querySelectorAll('select')[1]!;
    status.value = 'statusExpired';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    const output = root.querySelector('.check-output')!;
    expect(output.querySelector('.check-verdict .verdict')?.textContent).toBe('Cannot unsubscribe');
    const reasons = [...output.querySelectorAll('.reason strong')].map((s) => s.textContent);
    expect(reasons).toEqual(expect.arrayContaining(['Direct Connect', 'Expired']));
    expect(output.textContent).toContain('Status: “Expired”');
  });

  it('says "No rule" when nothing applies', async () => {
    const root = await open();
    const product = root.querySelector<HTMLInputElement>('.check-form input[type="text"]')!;
    product.value = 'Elastic Cloud Server';
    product.dispatchEvent(new Event('input', { bubbles: true }));
    expect(root.querySelector('.check-verdict .verdict')?.textContent).toBe('No rule');
  });

  it('ticks a tag box to add the tag', async () => {
    const root = await open();
    const trial = [...root.querySelectorAll<HTMLLabelElement>('.check-form .tag')].find((label) => label.textContent === 'Trial')!;
    trial.querySelector('input')!.click();
    expect(root.querySelector('.check-verdict .verdict')?.textContent).toBe('Cannot unsubscribe');
    expect(root.querySelector('.check-output .reason strong')?.textContent).toBe('Trial cloud service');
  });

  // The badge's pipeline: the background's rules in effect, compiled by the content script.
  it.each(['en', 'zh'] as const)('gives, in %s, the verdict and reasons a badge would under the same settings', async (lang) => {
    const settings: Settings = {
      ...defaultSettings,
      language: lang,
      disabledRules: ['expired'],
      userRules: [{ id: 'my-host', names: ['My Host', '我的主机'], verdict: 'caution', explanation: 'Ask first.' }],
    };
    await saveSettings(settings);
    const t = lang === 'en' ? en : zh;
    const config = pageConfigFrom(catalog, settings);
    const compiled = compileRules(config.rules, lang, config.reasonWords[lang]);
    const root = await open();
    const form = root.querySelector('.check-form')!;
    const product = form.querySelector<HTMLInputElement>('input[type="text"]')!;
    const [billing, status] = [...form.querySelectorAll('select')];
    const shown = () => ({
      verdict: root.querySelector('.check-verdict .verdict')?.textContent,
      reasons: [...root.querySelectorAll('.check-output .reason strong')].map((strong) => strong.textContent),
    });
    let compared = 0;
    for (const name of ['My Host', '我的主机', 'Simple Message Notification', '云专线', 'Cloud Search Service', 'Elastic Cloud Server'])
      for (const billingMode of ['', ...billingModeChoices])
        for (const state of ['', ...statusChoices]) {
          product.value = name;
          billing!.value = billingMode;
          status!.value = state;
          form.dispatchEvent(new Event('change', { bubbles: true }));
          const input: ManualCheckInput = {
            productType: name,
            tags: [],
            ...(billingMode && { billingMode: billingMode as MessageKey }),
            ...(state && { status: state as MessageKey }),
          };
          const badge = evaluateCompiled(manualCheckResource(input, t), compiled);
          expect(shown(), `${name} ${billingMode} ${state}`).toEqual({
            verdict: t(badge.verdict === 'blocked' ? 'verdictBlocked' : badge.verdict === 'caution' ? 'verdictCaution' : 'verdictAllowed'),
            reasons: badge.reasons.map((reason) => reason.title),
          });
          compared++;
        }
    expect(compared).toBe(6 * 6 * 6);
    // The switched-off rule gives nothing; the user's own rule counts.
    product.value = 'My Host';
    billing!.value = '';
    status!.value = 'statusExpired';
    form.dispatchEvent(new Event('change', { bubbles: true }));
    expect(shown()).toEqual({ verdict: t('verdictCaution'), reasons: ['My Host'] });
  });

  it('lists the conditions no page can show as a checklist', async () => {
    const root = await open();
    const listed = [...root.querySelectorAll<HTMLElement>('.checklist-items > li')].map((li) => li.dataset.rule);
    const manual = catalog.rules.filter((rule) => rule.manualCheck).map((rule) => rule.id);
    expect(manual.length).toBeGreaterThan(3);
    expect(listed).toEqual(manual);
    expect(root.querySelector('.checklist summary')?.textContent).toBe(`Conditions no page can show (${manual.length})`);
    expect(root.querySelectorAll('.checklist-items input[type="checkbox"]')).toHaveLength(manual.length);
  });
});

describe('the toolbar badge', () => {
  it('shows the count of blocked rows for the tab that reported it', async () => {
    onBackgroundMessage({ type: 'blocked-count', count: 3 }, { tab: { id: 5 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
  });

  it('clears the badge when the page reports none, or leaves', async () => {
    onBackgroundMessage({ type: 'blocked-count', count: 3 }, { tab: { id: 5 } });
    onBackgroundMessage({ type: 'blocked-count', count: 0 }, { tab: { id: 5 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    onBackgroundMessage({ type: 'blocked-count', count: 2 }, { tab: { id: 5 } });
    onBackgroundMessage({ type: 'blocked-count', count: null }, { tab: { id: 5 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('ignores other messages and messages from no tab', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    onBackgroundMessage({ type: 'get-catalog' }, { tab: { id: 5 } });
    onBackgroundMessage({ type: 'blocked-count', count: 'many' }, { tab: { id: 5 } });
    onBackgroundMessage({ type: 'blocked-count', count: 4 }, {});
    expect(setBadgeText).not.toHaveBeenCalled();
  });

  it('fits large counts in the badge', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1500)).toBe('999+');
    expect(badgeText(null)).toBe('');
  });
});
