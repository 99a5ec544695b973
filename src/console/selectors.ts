// Every selector for the console's markup, in one place. When the console changes, this file changes.
// Each list holds one alternative per line with where it applies; they are tried in the order listed:
// newest markup first, older beside it until surely gone. The joined forms below the lists are what the
// page code queries with; no selector is written anywhere else.
import { ownBadgeSelector } from '../marks/own-marks';

/** One selector matching any of `alternatives`. */
const anyOf = (alternatives: readonly string[]): string => alternatives.join(', ');

/** Table components whose header and body may be two separate <table>s. */
export const componentTableSelectors: readonly string[] = [
  'ti-table', // TinyUI / OpenTiny NG: <ti-table class="ti3-table">, fixed header in .ti3-table-fixed-head
  '.ti3-table', // the same component when saved pages or wrappers lose the custom tag
  '.tiny-table', // OpenTiny Vue's table (div.tiny-table > table, header and body together)
];
// OpenTiny Vue's grid is no component here: up to 3.24 it draws table.tiny-grid__header and
// table.tiny-grid__body apart, and find-tables.ts pairs such tables by structure, whatever their classes.
export const componentTableSelector = anyOf(componentTableSelectors);

/** TinyUI's fixed header: the header <table> sits apart from the body <table>. */
export const fixedHeadSelector = '.ti3-table-fixed-head';

/** Plain HTML tables (also the inner tables of the components above). */
export const nativeTableSelector = 'table';

/** ARIA grids built from divs. A native <table role="grid"> is read as a native table. */
export const ariaGridSelectors: readonly string[] = [
  '[role="grid"]', // interactive grids
  '[role="table"]', // static tables drawn with divs
  '[role="treegrid"]', // grids with expandable rows
];
export const ariaGridSelector = anyOf(ariaGridSelectors);
export const ariaRowSelector = '[role="row"]';
export const ariaHeaderCellSelector = '[role="columnheader"]';
export const ariaCellSelectors: readonly string[] = ['[role="gridcell"]', '[role="cell"]', '[role="rowheader"]', ariaHeaderCellSelector];
export const ariaCellSelector = anyOf(ariaCellSelectors);

/**
 * Any element that may hold a resource table, for noticing one that appears late. Queried one
 * selector at a time: on a page of 10,000 rows a selector list costs several times its parts (the
 * browser only has fast paths for a lone tag, class or attribute).
 */
export const tableSelectors: readonly string[] = [...componentTableSelectors, nativeTableSelector, ...ariaGridSelectors];
export const anyTableSelector = anyOf(tableSelectors);

/** A data or header row, native or ARIA. */
export const rowSelector = anyOf(['tr', ariaRowSelector]);
/** What holds column headers: a native table's head, an ARIA header cell. */
export const headerSectionSelector = anyOf(['thead', ariaHeaderCellSelector]);
/** Any cell, native or ARIA: a table inside one belongs to its row. */
export const cellSelector = anyOf(['td', 'th', ...ariaCellSelectors]);
/** A cell spanning rows: its section needs the HTML table model to place cells. */
export const rowSpanningCellSelector = '[rowspan]';
/** A link in the resource cell (the resource's detail page). */
export const linkSelector = 'a';

/** Rows that are not resources. */
export const detailRowSelector = anyOf([
  '.ti3-details-tr', // TinyUI / OpenTiny NG: an expanded detail row under a resource
  '.tiny-grid-body__expanded-row', // OpenTiny Vue grid's expanded row
]);
export const noDataRowSelector = anyOf([
  '.ti3-table-nodata', // TinyUI "no data" row
  '.noData', // OpenTiny Vue's tiny-table (its grid shows div.tiny-grid__empty-block outside the table)
  '[class*="nodata"]', // other spellings of the same
  '[class*="no-data"]',
  '[class*="empty"]',
]);
export const noDataTexts: readonly string[] = ['no data', 'no data available', 'no records', '暂无数据', '无数据', '没有数据'];

/** A row the console shows greyed out: selection (and so unsubscription) is disabled. */
export const disabledRowSelector = anyOf([
  '.common-disabled-action', // the console's own class (live ECS console, TinyUI 3)
  '.ti3-disabled-tr', // TinyUI / OpenTiny NG
  'tr.is-disabled', // OpenTiny Vue's tiny-table, for a row whose data says disabled
]);

/** The row's selection control, disabled when the row cannot be picked for (batch) unsubscription. */
export const disabledSelectionSelector = anyOf([
  'input[ticheckbox][disabled]', // TinyUI 3 in the live console
  'input[tiradio][disabled]', // the same, single selection
  'input[ticheckitem][disabled]', // OpenTiny NG's checkbox column
  'input[type="checkbox"][disabled]', // plain HTML
  'input[type="radio"][disabled]',
]);

/** An element marked disabled by attribute (an action, or a wrapper around one). */
export const disabledMarkSelector = anyOf([
  '[aria-disabled="true"]', // links and custom buttons
  '[disabled]', // native buttons and TinyUI's attribute form
]);

/** Parts of a header cell that are not its label: sort arrows, filter and tooltip icons and their bubbles. */
export const headerNoiseSelector = anyOf([
  '[role="tooltip"]', // any tooltip bubble
  '.ti3-tip', // TinyUI tooltip bubble
  '[class*="tooltip"]',
  '[class*="sort"]', // sort arrows
  '[class*="filter"]', // filter funnels
  '[class*="icon"]', // help icons
  'svg',
]);

/** Tag labels the console renders beside a resource's name (Trial, KooGallery, 试用, 云商店). */
const tagSelectors: readonly string[] = [
  'ti-tag', // OpenTiny NG: ti-tag.ti3-multiselect-box-cell > section.ti3-box-cell-key (it renders no .ti3-tag)
  '.ti3-label', // a class named for a label; not rendered by OpenTiny NG 1.0.3, kept as it costs nothing
  '.tiny-tag', // OpenTiny Vue
];
export const tagSelector = anyOf(tagSelectors);

/**
 * Tag labels in the product type cell. That cell is the console's own text, so any label-like element
 * counts; the resource cell holds the user's name and ID and gets only the strict list above.
 */
export const productTagSelector = anyOf([
  ...tagSelectors,
  '[class*="tag"]', // any label-like class
  '[class*="label"]',
  `[class*="badge"]:not(${ownBadgeSelector})`, // not ours
]);

/** Clickable things in the Operation cell, outermost first. */
export const actionSelector = anyOf([
  '.ti3-action-menu-item', // ti-actionmenu: a.ti3-action-menu-item > section, or span.ti3-action-menu-item[aria-label] > ti-link > section
  'ti-link', // TinyUI's link component
  'a',
  'button', // also OpenTiny NG's button[tibutton] and OpenTiny Vue's button.tiny-button
  '[role="button"]',
  '[role="link"]',
  'ti-button', // TinyUI's button component
]);
/** Texts of the row's own unsubscribe action, old and new wording. */
export const unsubscribeActionTexts: readonly string[] = [
  'unsubscribe',
  'unsubscribe from resource',
  'unsubscribe from resources',
  '退订',
  '退订资源',
];
/** Class names that mark an action disabled (TinyUI ti3-btn-disabled, is-disabled, disabled). */
export const disabledClassPattern = /(^|[-_\s])disabled($|[-_\s])/i;

/** Checkbox and other columns with no header text. */
export const checkboxCellSelector = anyOf([
  '.checkbox-column', // TinyUI
  '[checkbox-column]', // TinyUI's attribute form on the <td>
  '.radio-column', // the live console's single-selection column
  '[radio-column]',
  '.ti3-table-checkbox', // TinyUI's older class
  '.col__selection', // OpenTiny Vue grid: type="selection"
  '.col__radio', // OpenTiny Vue grid: type="radio"
  '[class*="checkbox"]', // anything else named for a checkbox
]);

/** The pager's next-page control: the only control "page through for me" ever clicks. */
export const nextPageSelectors: readonly string[] = [
  'a.ti3-pag-next', // TinyUI / OpenTiny NG ti-pagination (disabled: class "disabled")
  'button.tiny-pager__btn-next', // OpenTiny Vue's pager (disabled: the disabled attribute)
  'button[aria-label="Next page"]', // ARIA-labelled pagers
  'button[aria-label="下一页"]',
];
export const nextPageSelector = anyOf(nextPageSelectors);

/** The page's selected tabs and sub-tabs: ARIA first, then the libraries' active classes. */
export const selectedTabSelector = anyOf([
  '[role="tab"][aria-selected="true"]', // TinyUI's ti-tabs and the console's sub-tab buttons
  '.ti3-tabs-item.active', // ti-tabs when a saved page loses the ARIA state
  '.tiny-tabs__item.is-active', // OpenTiny Vue's tabs
]);

/** What the five-day sub-tab is called, lower-case: "Five-Day Unconditional", 可五天无理由退订. */
export const fiveDayTabTexts: readonly string[] = ['five-day', 'five day', '5-day', '五天无理由'];

/** A row's ticked selection box (the checkbox or radio of a selection column). */
export const tickedSelectionSelector = anyOf(['input[type="checkbox"]:checked', 'input[type="radio"]:checked']);
/** Any selection box, for telling its change events from others. */
export const selectionBoxSelector = anyOf(['input[type="checkbox"]', 'input[type="radio"]']);
