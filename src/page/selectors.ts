// Every selector for the console's markup, in one place. When the console changes, this file changes.
// Alternatives are tried in the order listed: newest markup first, older beside it until surely gone.

/** Table components whose header and body may be two separate <table>s. */
export const componentTableSelector = [
  'ti-table', // TinyUI / OpenTiny NG: <ti-table class="ti3-table">, fixed header in .ti3-table-fixed-head
  '.ti3-table', // the same component when saved pages or wrappers lose the custom tag
  '.tiny-table', // OpenTiny Vue tables on other Huawei pages
].join(', ');

/** TinyUI's fixed header: the header <table> sits apart from the body <table>. */
export const fixedHeadSelector = '.ti3-table-fixed-head';

/** Plain HTML tables (also the inner tables of the components above). */
export const nativeTableSelector = 'table';

/** ARIA grids built from divs. A native <table role="grid"> is read as a native table. */
export const ariaGridSelector = '[role="grid"], [role="table"], [role="treegrid"]';
export const ariaRowSelector = '[role="row"]';
export const ariaHeaderCellSelector = '[role="columnheader"]';
export const ariaCellSelector = '[role="gridcell"], [role="cell"], [role="rowheader"], [role="columnheader"]';

/** Any element that may hold a resource table, for noticing one that appears late. */
export const anyTableSelector = [componentTableSelector, nativeTableSelector, ariaGridSelector].join(', ');

/**
 * The same, one selector at a time. On a page of 10,000 rows a selector list costs several times
 * its parts: the browser only has fast paths for a lone tag, class or attribute.
 */
export const tableSelectors = anyTableSelector.split(', ');

/** Rows that are not resources. */
export const detailRowSelector = [
  '.ti3-details-tr', // TinyUI: an expanded detail row under a resource
  '.tiny-table__row-expand', // OpenTiny Vue expand row
].join(', ');
export const noDataRowSelector = [
  '.ti3-table-nodata', // TinyUI "no data" row
  '.tiny-table__empty-block', // OpenTiny Vue
  '[class*="nodata"]',
  '[class*="no-data"]',
  '[class*="empty"]',
].join(', ');
export const noDataTexts = ['no data', 'no data available', 'no records', '暂无数据', '无数据', '没有数据'];

/** A row the console shows greyed out: selection (and so unsubscription) is disabled. */
export const disabledRowSelector = '.ti3-disabled-tr';

/** Parts of a header cell that are not its label: sort arrows, filter and tooltip icons and their bubbles. */
export const headerNoiseSelector = [
  '[role="tooltip"]',
  '.ti3-tip', // TinyUI tooltip bubble
  '[class*="tooltip"]',
  '[class*="sort"]',
  '[class*="filter"]',
  '[class*="icon"]',
  'svg',
].join(', ');

/** Tag labels the console renders beside a resource's name (Trial, KooGallery, 试用, 云商店). */
export const tagSelector = [
  '.ti3-tag', // TinyUI tag
  'ti-tag',
  '.ti3-label',
  '.tiny-tag', // OpenTiny Vue
].join(', ');

/**
 * Tag labels in the product type cell. That cell is the console's own text, so any label-like element
 * counts; the resource cell holds the user's name and ID and gets only the strict list above.
 */
export const productTagSelector = [
  tagSelector,
  '[class*="tag"]',
  '[class*="label"]',
  '[class*="badge"]:not(.unsub-lens-badge)',
].join(', ');

/** Clickable things in the Operation cell. */
export const actionSelector = 'a, button, [role="button"], [role="link"], ti-button';
/** Texts of the row's own unsubscribe action, old and new wording. */
export const unsubscribeActionTexts = ['unsubscribe', 'unsubscribe from resource', 'unsubscribe from resources', '退订', '退订资源'];
/** Class names that mark an action disabled (TinyUI ti3-btn-disabled, is-disabled, disabled). */
export const disabledClassPattern = /(^|[-_\s])disabled($|[-_\s])/i;

/** Checkbox and other columns with no header text. */
export const checkboxCellSelector = [
  '.checkbox-column',
  '[checkbox-column]', // TinyUI's attribute form on the <td>
  '.ti3-table-checkbox',
  '[class*="checkbox"]',
].join(', ');

/** What the extension itself puts in the page. */
export const ownBadgeSelector = '.unsub-lens-badge';
export const OWN_BADGE_CLASS = 'unsub-lens-badge';
export const VERDICT_ATTRIBUTE = 'data-unsub-lens';
export const RULES_ATTRIBUTE = 'data-unsub-lens-rules';
