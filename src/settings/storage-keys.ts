// Where the settings sit in browser.storage, by name alone: the content script watches these keys
// for changes without loading the storage code (storage.ts) that reads them.

/** The area the settings are kept in. */
export const SETTINGS_AREA = 'sync';
/** The settings' key in that area. */
export const SETTINGS_KEY = 'settings';
