import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { parseCatalog } from './src/rules/catalog-schema';
import catalogData from './src/rules/catalog.json';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The content script keeps its own lifetime: WXT's context could be switched off by the page
  // (see src/content/inert-content-context.ts).
  vite: () => ({
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./src/content/inert-content-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  hooks: {
    // The catalog ships pre-validated: a rule missing a text, a source or a unique id fails the build.
    'build:before': () => {
      parseCatalog(catalogData);
    },
    // Firefox's MV2 build names the toolbar button's command _execute_browser_action.
    'build:manifestGenerated': (wxt, manifest) => {
      const commands = manifest.commands as Record<string, unknown> | undefined;
      if (wxt.config.manifestVersion === 2 && commands?._execute_action) {
        commands._execute_browser_action = commands._execute_action;
        delete commands._execute_action;
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // Chrome and Edge read an organisation's policy for the extension through this schema (Firefox
    // reads policies.json and needs none). README: "For administrators".
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    // Firefox only (Chrome lists the key as an error on its extensions page): a stable add-on id,
    // and the declaration that nothing is collected or sent anywhere.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'unsub-lens@unsub-lens',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+U' } },
    },
  }),
});
