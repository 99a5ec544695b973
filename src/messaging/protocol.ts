// Messages between the popup, the content script and the background, and what they carry.
import type { Catalog, Lang, Rule, Verdict } from '../rules/types';
import type { ColumnField, HeaderNames } from '../console/columns';
import type { BadgeWords } from '../badges/badge-text';
import type { Settings } from '../settings/settings';
import type { Diagnostics } from '../page/diagnostics';

export type { Diagnostics };

export interface RowSummary {
  /** Position of the row among the recognized data rows, from 0; what `reveal-row` takes. */
  index: number;
  /** The resource name/ID as the page shows it (for the user to recognize the row; never matched). */
  resource: string;
  product: string;
  verdict: Verdict;
  rules: string[];
  /** The main reason's title, in the badge language. */
  mainReason: string;
}

export interface PageSummary {
  url: string;
  lang: 'en' | 'zh';
  counts: Record<Verdict, number>;
  rows: RowSummary[];
  diagnostics: Diagnostics;
}

export type ContentRequest = { type: 'get-summary' } | { type: 'reveal-row'; index: number };

/**
 * What the content script needs of the settings, as the background worked it out from storage
 * (checked, defaults where a stored value was unusable). The content script reads no storage itself:
 * the code for that would be a third of its size budget.
 */
export interface PageConfig extends Pick<Settings, 'enabled' | 'showAllowed' | 'language'> {
  /** The rules in effect: the catalog's without those switched off, then the user's own. */
  rules: Rule[];
  /** The header texts that name each column: the user's extra names, then the console's. */
  headers: HeaderNames;
  /** What badges say, in each language. */
  words: Record<Lang, BadgeWords>;
}

/**
 * `get-catalog` answers the rule catalog (the options page asks for it instead of bundling it);
 * `get-page-config` answers a PageConfig, asked once per page and again whenever the settings change.
 */
export type BackgroundRequest = { type: 'blocked-count'; count: number | null } | { type: 'get-catalog' } | { type: 'get-page-config' };

/** What the background answers each request with (blocked-count gets no answer). */
export type BackgroundResponse<T extends BackgroundRequest> = T extends { type: 'get-catalog' }
  ? Catalog
  : T extends { type: 'get-page-config' }
    ? PageConfig
    : undefined;

/** The popup asks the content script; undefined means no content script answered (not the page). */
export type ContentResponse<T extends ContentRequest> = T extends { type: 'get-summary' } ? PageSummary | null : boolean;
