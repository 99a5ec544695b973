import { defineConfig } from 'wxt';
import { parseCatalog } from './src/rules/catalog-schema';
import catalogData from './src/rules/catalog.json';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The catalog ships pre-validated: a rule missing a text, a source or a unique id fails the build.
    'build:before': () => {
      parseCatalog(catalogData);
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
  },
});
