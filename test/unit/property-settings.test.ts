// Property: the settings schema is the one definition. Whatever it accepts is kept whole by storage
// (saved, read back, no problem reported, nothing kept aside), and whatever storage keeps from any
// value at all is something the schema accepts.
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/property-settings
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { columnFields } from '../../src/console/columns';
import { languageChoices } from '../../src/i18n/languages';
import { ruleVerdicts } from '../../src/rules/types';
import { settingsFields } from '../../src/settings/settings-schema';
import { coerceSettings } from '../../src/settings/coerce';
import { loadRejectedSettings, loadSettings, saveSettings } from '../../src/settings/storage';
import { propertyParameters } from '../support/arbitraries';

const settingsSchema = z.strictObject(settingsFields);

const idPart = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/);
// Names and headers from words users type, with the odd character that trimming or the matcher cares about.
const text = fc.oneof(
  fc.constantFrom('Cloud Phone Host', '消息通知服务', 'SMN', ' Edge ', 'a', '云', '--', 'Ｆｕｌｌ', 'x'.repeat(120)),
  fc.string({ minLength: 0, maxLength: 24 }),
);
const userRule = fc.record({
  id: fc.oneof(idPart, fc.constantFrom('Bad Id', '')),
  names: fc.array(text, { minLength: 0, maxLength: 3 }),
  verdict: fc.constantFrom(...ruleVerdicts, 'allowed'),
  explanation: fc.string({ maxLength: 40 }),
});
const candidate = fc.record(
  {
    enabled: fc.oneof(fc.boolean(), fc.constant('yes')),
    showAllowed: fc.boolean(),
    language: fc.constantFrom(...languageChoices, 'fr'),
    disabledRules: fc.array(
      fc.oneof(
        idPart,
        idPart.map((id) => `service/${id}`),
        fc.constant('Not An Id'),
      ),
      { maxLength: 4 },
    ),
    userRules: fc.array(userRule, { maxLength: 3 }),
    extraHeaders: fc.dictionary(fc.constantFrom(...columnFields, 'colour'), fc.array(text, { maxLength: 2 }), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings through storage', () => {
  it('keeps whole whatever the schema accepts', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(candidate, async (value) => {
        const parsed = settingsSchema.safeParse({ ...coerceSettings(undefined).settings, ...value });
        fc.pre(parsed.success);
        accepted++;
        fakeBrowser.reset();
        const settings = parsed.data;
        await saveSettings(settings);
        const loaded = await loadSettings();
        expect(loaded.problem).toBeUndefined();
        expect(loaded.settings).toEqual({ ...settings, disabledRules: [...new Set(settings.disabledRules)] });
        expect(await loadRejectedSettings()).toBeNull();
      }),
      { ...propertyParameters(150), maxSkipsPerRun: 1000 },
    );
    // The generator must reach valid settings often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(20);
  });

  it('keeps from any stored value only what the schema accepts, and names what it dropped', async () => {
    await fc.assert(
      fc.asyncProperty(candidate, async (value) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.sync.set({ settings: value });
        const { settings, problem } = await loadSettings();
        expect(settingsSchema.safeParse(settings).success).toBe(true);
        // A value kept in full has no problem; a value cut down says so and is kept aside.
        if (problem) expect(await loadRejectedSettings()).toMatchObject({ value });
        else expect(settingsSchema.safeParse({ ...coerceSettings(undefined).settings, ...value }).success).toBe(true);
      }),
      propertyParameters(150),
    );
  });
});
