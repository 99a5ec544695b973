// Every selector for the console's markup, in one place. When the console changes, this file changes.
// Alternatives are tried in the order listed: newest markup first, older beside it until surely gone.

/** Table components whose header and body may be two separate <table>s. */
export const componentTableSelector = [
  'ti-table', // TinyUI / OpenTiny NG: <ti-table class="ti3-table">, fixed header in .ti3-table-fixed-head
  '.ti3-table', // the same component when saved pages or wrappers lose the custom tag
  '.tiny-table', // OpenTiny Vue's table (div.tiny-table > table, header and body together)
].join(', ');
// OpenTiny Vue's grid is no component here: up to 3.24 it draws table.tiny-grid__header and
// table.tiny-grid__body apart, and find-tables.ts pairs such tables by structure, whatever their classes.

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
  '.ti3-details-tr', // TinyUI / OpenTiny NG: an expanded detail row under a resource
  '.tiny-grid-body__expanded-row', // OpenTiny Vue grid's expanded row
].join(', ');
export const noDataRowSelector = [
  '.ti3-table-nodata', // TinyUI "no data" row
  '.noData', // OpenTiny Vue's tiny-table (its grid shows div.tiny-grid__empty-block outside the table)
  '[class*="nodata"]',
  '[class*="no-data"]',
  '[class*="empty"]',
].join(', ');
export const noDataTexts = ['no data', 'no data available', 'no records', '暂无数据', '无数据', '没有数据'];

/** A row the console shows greyed out: selection (and so unsubscription) is disabled. */
export const disabledRowSelector = [
  '.common-disabled-action', // the console's own class (live ECS console, TinyUI 3)
  '.ti3-disabled-tr', // TinyUI / OpenTiny NG
  'tr.is-disabled', // OpenTiny Vue's tiny-table, for a row whose data says disabled
].join(', ');

/** The row's selection control, disabled when the row cannot be picked for (batch) unsubscription. */
export const disabledSelectionSelector = [
  'input[ticheckbox][disabled]', // TinyUI 3 in the live console
  'input[tiradio][disabled]',
  'input[ticheckitem][disabled]', // OpenTiny NG's checkbox column
  'input[type="checkbox"][disabled]',
  'input[type="radio"][disabled]',
].join(', ');

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
  'ti-tag', // OpenTiny NG: ti-tag.ti3-multiselect-box-cell > section.ti3-box-cell-key (it renders no .ti3-tag)
  '.ti3-label', // a class named for a label; not rendered by OpenTiny NG 1.0.3, kept as it costs nothing
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

/** Clickable things in the Operation cell, outermost first. */
export const actionSelector = [
  '.ti3-action-menu-item', // ti-actionmenu: a.ti3-action-menu-item > section, or span.ti3-action-menu-item[aria-label] > ti-link > section
  'ti-link', // TinyUI's link component
  'a',
  'button', // also OpenTiny NG's button[tibutton] and OpenTiny Vue's button.tiny-button
  '[role="button"]',
  '[role="link"]',
  'ti-button',
].join(', ');
/** Texts of the row's own unsubscribe action, old and new wording. */
export const unsubscribeActionTexts = ['unsubscribe', 'unsubscribe from resource', 'unsubscribe from resources', '退订', '退订资源'];
/** Class names that mark an action disabled (TinyUI ti3-btn-disabled, is-disabled, disabled). */
export const disabledClassPattern = /(^|[-_\s])disabled($|[-_\s])/i;

/** Checkbox and other columns with no header text. */
export const checkboxCellSelector = [
  '.checkbox-column',
  '[checkbox-column]', // TinyUI's attribute form on the <td>
  '.radio-column', // the live console's single-selection column
  '[radio-column]',
  '.ti3-table-checkbox',
  '.col__selection', // OpenTiny Vue grid: type="selection"
  '.col__radio', // OpenTiny Vue grid: type="radio"
  '[class*="checkbox"]',
].join(', ');

/** What the extension itself puts in the page. */
export const ownBadgeSelector = '.unsub-lens-badge';
export const OWN_BADGE_CLASS = 'unsub-lens-badge';
export const VERDICT_ATTRIBUTE = 'data-unsub-lens';
export const RULES_ATTRIBUTE = 'data-unsub-lens-rules';
