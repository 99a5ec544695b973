// Bounds on what the settings may hold. Shared by the stored-value coercion (background, popup) and the
// import schema (options page), so both accept exactly the same settings.

/** A user rule id: kebab-case, as the catalog's own ids. */
export const userRuleIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A rule id that can be switched off: a catalog id ("trial", "service/dedicated-cloud") or "user/<id>". */
export { ruleIdPattern } from '../rules/types';

export const MAX_USER_RULES = 100;
export const MAX_NAMES_PER_RULE = 20;
export const MAX_NAME_LENGTH = 100;
export const MAX_ID_LENGTH = 64;
export const MAX_EXPLANATION_LENGTH = 1000;
export const MAX_DISABLED_RULES = 500;
export const MAX_HEADERS_PER_COLUMN = 10;
export const MAX_HEADER_LENGTH = 100;
/** Imported files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 256 * 1024;
/** How deeply a settings file may nest arrays and objects (a real one nests 4 levels). */
export const MAX_IMPORT_DEPTH = 32;
/** browser.storage.sync refuses an item larger than this (key + JSON of the value, in bytes). */
export const SYNC_ITEM_QUOTA_BYTES = 8192;
