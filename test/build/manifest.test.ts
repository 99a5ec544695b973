// The built manifests ask for the least: storage only, the two console pages only, nothing exposed
// to web pages, the browser's default CSP; and everything they name exists, in both languages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeDir, consoleMatches, firefoxDir, readManifest, type Manifest } from './support/build-output';

const builds = [
  { name: 'Chrome MV3', dir: chromeDir, command: 'npm run build', version: 3 },
  { name: 'Firefox MV2', dir: firefoxDir, command: 'npm run build:firefox', version: 2 },
];

/** Every __MSG_key__ the manifest uses. */
function messageKeys(manifest: Manifest): string[] {
  return [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
}

/** Every file the manifest names (background, content scripts, pages, icons). */
function namedFiles(manifest: Manifest): string[] {
  const files: string[] = [];
  const background = manifest.background as { service_worker?: string; scripts?: string[]; page?: string } | undefined;
  if (background?.service_worker) files.push(background.service_worker);
  files.push(...(background?.scripts ?? []));
  if (background?.page) files.push(background.page);
  for (const script of manifest.content_scripts ?? []) files.push(...(script.js ?? []), ...(script.css ?? []));
  const action = (manifest.action ?? manifest.browser_action) as { default_popup?: string; default_icon?: Record<string, string> } | undefined;
  if (action?.default_popup) files.push(action.default_popup);
  files.push(...Object.values(action?.default_icon ?? {}));
  const options = manifest.options_ui as { page?: string } | undefined;
  if (options?.page) files.push(options.page);
  files.push(...Object.values((manifest.icons ?? {}) as Record<string, string>));
  return files;
}

describe.each(builds)('$name manifest', ({ dir, command, version }) => {
  const manifest = () => readManifest(dir, command);

  it(`is manifest version ${version}`, () => {
    expect(manifest().manifest_version).toBe(version);
  });

  it('asks for the storage permission and nothing else', () => {
    const m = manifest();
    // In MV2 host permissions live in "permissions" too, so this also says: no host permission.
    expect(m.permissions).toEqual(['storage']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toBeUndefined();
  });

  it('runs its content script on the two Unsubscriptions consoles only', () => {
    const scripts = manifest().content_scripts ?? [];
    expect(scripts.length, 'content_scripts: entrypoints/content/ is missing or was not built').toBeGreaterThan(0);
    for (const script of scripts) expect([...script.matches].sort()).toEqual([...consoleMatches].sort());
  });

  it('injects into the console page itself only, in the isolated world', () => {
    for (const script of manifest().content_scripts ?? []) {
      const { all_frames, match_about_blank, match_origin_as_fallback, world } = script as Record<string, unknown>;
      // Frames of other origins inside the console, and the page's own JavaScript, never see the script.
      expect({ all_frames, match_about_blank, match_origin_as_fallback }).toEqual({
        all_frames: undefined,
        match_about_blank: undefined,
        match_origin_as_fallback: undefined,
      });
      expect(world === undefined || world === 'ISOLATED', `world: ${String(world)}`).toBe(true);
    }
  });

  it('declares nothing beyond what the extension uses', () => {
    // A new key (sandbox, oauth2, declarative_net_request, update_url, ...) must be added here on purpose.
    const known = [
      'manifest_version',
      'name',
      'description',
      'version',
      'icons',
      'default_locale',
      'permissions',
      'storage', // Chrome's managed_schema, for an organisation's policy
      'browser_specific_settings',
      'commands',
      'background',
      'action',
      'browser_action',
      'options_ui',
      'content_scripts',
    ];
    expect(Object.keys(manifest()).filter((key) => !known.includes(key))).toEqual([]);
  });

  it("declares the policy schema Chrome reads an organisation's settings through, and it is valid", () => {
    const m = manifest() as { storage?: { managed_schema?: string }; browser_specific_settings?: unknown };
    // Firefox reads policies.json and needs no schema (its manifest would warn about the key).
    if (m.browser_specific_settings) {
      expect(m.storage).toBeUndefined();
      return;
    }
    expect(m.storage).toEqual({ managed_schema: 'managed_schema.json' });
    const schema = JSON.parse(readFileSync(join(dir, 'managed_schema.json'), 'utf8')) as {
      type: string;
      properties: Record<string, { type: string }>;
    };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([
      'disabledRules',
      'extraHeaders',
      'language',
      'lock',
      'rules',
      'showAllowed',
      'welcomePage',
    ]);
  });

  it('exposes nothing to web pages and keeps the default content security policy', () => {
    const m = manifest();
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined();
  });

  it('names only files that exist', () => {
    const missing = namedFiles(manifest()).filter((path) => !existsSync(join(dir, path)));
    expect(missing).toEqual([]);
  });

  it('speaks English by default and Chinese too, with every manifest text in both', () => {
    const m = manifest();
    expect(m.default_locale).toBe('en');
    const keys = messageKeys(m);
    expect(keys).toContain('extName');
    for (const locale of ['en', 'zh_CN']) {
      const file = join(dir, '_locales', locale, 'messages.json');
      expect(existsSync(file), `_locales/${locale}/messages.json`).toBe(true);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message?: string }>;
      for (const key of keys) expect(messages[key]?.message, `${locale}: ${key}`).toBeTruthy();
    }
  });
});

describe('Firefox manifest', () => {
  it('carries a stable add-on id and declares that no data is collected', () => {
    const gecko = (readManifest(firefoxDir, 'npm run build:firefox').browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)
      ?.gecko;
    // AMO accepts an email-like id or a {GUID}.
    expect(gecko?.id).toMatch(/^([a-z0-9._-]+@[a-z0-9._-]+|\{[0-9a-f-]{36}\})$/i);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('Chrome manifest', () => {
  it('declares its popup and an options page that opens in a tab', () => {
    const m = readManifest(chromeDir, 'npm run build');
    expect((m.action as { default_popup?: string } | undefined)?.default_popup).toBe('popup.html');
    expect(m.options_ui).toEqual({ open_in_tab: true, page: 'options.html' });
  });
});
