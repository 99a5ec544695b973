// Messages between the popup, the content script and the background, and what they carry.
import type { Catalog, Lang, Rule, Topic, Verdict } from '../rules/types';
import type { HeaderNames } from '../console/columns';
import type { BadgeWords } from '../badges/badge-text';
import type { RowFilter } from '../badges/summary-bar';
import type { ReasonWords } from '../rules/reason-words';
import type { Settings } from '../settings/settings';
import type { EffectiveSettings } from '../settings/managed-policy';
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
  /** What identifies the resource across the table's pages: its ID, else its name and order number. */
  key: string;
  /** What else the row shows, for the exports (whichever the page shows). */
  details?: RowDetails;
  /** Every reason's title, in the badge language. */
  reasons?: string[];
}

export interface RowDetails {
  resourceId?: string;
  orderNo?: string;
  region?: string;
  billingMode?: string;
  expiry?: string;
  status?: string;
  enterpriseProject?: string;
}

/** Resources seen on the tab across the table's pages. */
export interface SeenCount {
  resources: number;
  /** Distinct pages seen: sets of rows shown together (page 2 seen twice counts once). */
  pages: number;
}

/** Where "page through for me" stands. */
export interface PageThroughStatus {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'stopped';
  /** Pages read so far, the one it started on included. */
  pages: number;
  /** Why it ended: the last page, the page limit, no pager, or a page that did not change. */
  reason?: 'last-page' | 'limit' | 'no-pager' | 'no-change';
}

export interface PageSummary {
  url: string;
  lang: 'en' | 'zh';
  counts: Record<Verdict, number>;
  rows: RowSummary[];
  diagnostics: Diagnostics;
  /** Resources seen on this tab across the table's pages, and "page through for me". */
  seen?: SeenCount;
  paging?: PageThroughStatus;
  /** Which rows the page shows: all (null), those that need attention, or one verdict's. */
  filter?: RowFilter;
}

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
  /** What the engine says itself ("if ...", a reason the page shows), in each language. */
  reasonWords: Record<Lang, ReasonWords>;
  /** What the China site's five-day sub-tab means for its rows (the look-up's topic of that name). */
  fiveDayTopic?: Topic;
  /** The browser had not yet answered for the organisation's policy: these are the settings without it. */
  policyPending?: boolean;
}

/**
 * `get-catalog` answers the rule catalog (the options page asks for it instead of bundling it);
 * `get-page-config` answers a PageConfig, asked once per page and again whenever the settings change;
 * `get-settings` answers the checked settings (the popup's, so it carries no settings validation);
 * `switch-badges-on` saves the master switch on, keeping every other setting, and answers whether it did;
 * `blocked-count` is the content script's news for the toolbar badge and gets no answer.
 */
export type BackgroundRequest =
  | { type: 'blocked-count'; count: number | null }
  | { type: 'get-catalog' }
  | { type: 'get-page-config' }
  | { type: 'get-settings' }
  | { type: 'switch-badges-on' };

/** What the background answers each request with. */
export interface BackgroundAnswers {
  'blocked-count': undefined;
  'get-catalog': Catalog;
  'get-page-config': PageConfig;
  'get-settings': EffectiveSettings;
  'switch-badges-on': boolean;
}

/** The popup asks the content script: the page's summary (null when it is not badging), or whether a row was revealed. */
export type ContentRequest =
  | { type: 'get-summary' }
  | { type: 'reveal-row'; index: number }
  | { type: 'filter-rows'; verdict: Verdict | null }
  | { type: 'get-seen' }
  | { type: 'clear-seen' }
  | { type: 'page-through'; action: 'start' | 'cancel' };

/**
 * `get-seen` answers every resource seen on the tab (for the exports), `clear-seen` forgets them,
 * `page-through` starts or cancels paging through the table and answers where it stands.
 */
export interface ContentAnswers {
  'get-summary': PageSummary | null;
  'reveal-row': boolean;
  'filter-rows': boolean;
  'get-seen': RowSummary[];
  'clear-seen': SeenCount;
  'page-through': PageThroughStatus | null;
}
