// The options page under an organisation's policy: what it sets is shown locked and labelled, the
// user's own settings underneath are never written over, its own rules are listed, and values it
// could not use are named.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalog } from '../../src/rules/catalog';
import { mountOptions, type OptionsPage } from '../../src/options/options';
import { loadSettings, saveSettings } from '../../src/settings/storage';
import { defaultSettings } from '../../src/settings/settings';

const SMN = 'service/simple-message-notification';
const orgRule = { id: 'cloud-phone', names: ['Cloud Phone Host', 'CPH'], verdict: 'blocked' as const, explanation: 'Our contract forbids it.' };

let root: HTMLElement;
let page: OptionsPage | undefined;

async function open() {
  root = document.createElement('main');
  document.body.replaceChildren(root);
  page = await mountOptions(root, { catalog });
}
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ruleSwitch = (id: string) => root.querySelector<HTMLInputElement>(`input[data-rule="${id}"]`)!;

beforeEach(() => fakeBrowser.reset());
afterEach(() => page?.close());

describe('a locked policy', () => {
  beforeEach(async () => {
    await saveSettings({ ...defaultSettings, showAllowed: false, disabledRules: ['expired'] });
    await fakeBrowser.storage.managed.set({ lock: true, disabledRules: [SMN], showAllowed: true, rules: [orgRule] });
    await open();
  });

  it('shows the rule it switches off as off, disabled, labelled "Set by your organisation"', () => {
    const smn = ruleSwitch(SMN);
    expect(smn.checked).toBe(false);
    expect(smn.disabled).toBe(true);
    const label = root.querySelector(`#${smn.getAttribute('aria-describedby')!.split(' ')[1]!}`);
    expect(text(label)).toBe('Set by your organisation');
    // The user's own switches are theirs to change.
    expect(ruleSwitch('expired')).toMatchObject({ checked: false, disabled: false });
  });

  it("shows its badge setting in force and locked, and never writes it over the user's own", async () => {
    const box = root.querySelector<HTMLInputElement>('[data-setting="showAllowed"]')!;
    expect(box).toMatchObject({ checked: true, disabled: true });
    ruleSwitch('expired').click(); // a change of the user's own
    await settle();
    const { settings } = await loadSettings();
    expect(settings.disabledRules).toEqual([]);
    expect(settings.showAllowed).toBe(false); // still the user's own value
  });

  it("lists the organisation's rules, on and locked", () => {
    const section = root.querySelector('[data-policy="locked"]')!;
    expect(text(section.querySelector('h2'))).toBe('Set by your organisation');
    expect(text(section)).toContain('Rules it switches off: Simple Message Notification');
    expect(ruleSwitch('org/cloud-phone')).toMatchObject({ checked: true, disabled: true });
    expect(text(ruleSwitch('org/cloud-phone').closest('li'))).toContain('Cloud Phone Host, CPH');
    expect(text(ruleSwitch('org/cloud-phone').closest('li'))).toContain('Our contract forbids it.');
  });
});

describe('an unlocked policy', () => {
  it('is where a user who has saved nothing starts, saved as theirs at the first change, and its rules can be switched off', async () => {
    await fakeBrowser.storage.managed.set({ disabledRules: [SMN], language: 'zh', rules: [orgRule] });
    await open();
    expect(root.querySelector('[data-policy="suggested"]')).not.toBeNull();
    expect(ruleSwitch(SMN)).toMatchObject({ checked: false, disabled: false });
    expect(document.documentElement.lang).toBe('zh-CN');
    ruleSwitch('org/cloud-phone').click();
    await settle();
    expect((await loadSettings()).settings).toMatchObject({ language: 'zh', disabledRules: [SMN, 'org/cloud-phone'] });
  });

  it('does not touch a user who has saved settings', async () => {
    await saveSettings({ ...defaultSettings, language: 'en' });
    await fakeBrowser.storage.managed.set({ disabledRules: [SMN], language: 'zh' });
    await open();
    expect(ruleSwitch(SMN).checked).toBe(true);
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('a policy with values it cannot use', () => {
  it('names each ignored value and keeps the page working', async () => {
    await fakeBrowser.storage.managed.set({
      lock: true,
      language: 'fr',
      rules: [{ id: 'x', names: [], verdict: 'blocked', explanation: '' }],
      disabledRules: [SMN],
    });
    await open();
    const problems = root.querySelector('[data-policy-problems]')!;
    expect(text(problems)).toContain("Ignored in your organisation's policy");
    expect([...problems.querySelectorAll('li')].map(text)).toEqual([
      expect.stringMatching(/^language: /),
      expect.stringMatching(/^rules\[0\]\.names: /),
    ]);
    expect(ruleSwitch(SMN).disabled).toBe(true);
  });

  it('shows no policy section when there is no policy', async () => {
    await open();
    expect(root.querySelector('[data-policy]')).toBeNull();
  });
});
