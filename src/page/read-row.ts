// Reading one row of a resource table into what the engine needs. Never reads a condition from the
// resource's own name or ID: those are chosen by the user ("smn-trial-test" is not a trial).
import type { Resource } from '../rules/types';
import type { ColumnField } from '../console/columns';
import type { ResourceTable } from './resource-table';
import { placedCells, rowCells, spanOf, type PlacedCell, type RowLayoutCache } from './table-layout';
import {
  actionSelector,
  checkboxCellSelector,
  detailRowSelector,
  disabledClassPattern,
  disabledRowSelector,
  disabledSelectionSelector,
  noDataRowSelector,
  noDataTexts,
  disabledMarkSelector,
  linkSelector,
  productTagSelector,
  tagSelector,
  unsubscribeActionTexts,
} from '../console/selectors';
import { ownBadgeSelector } from '../marks/own-marks';
import { collapse, normalizeText } from '../rules/text-match';

export type SkipReason = 'detail row' | 'no data row' | 'group header' | 'header row' | 'empty row';

export type RowReading =
  | {
      kind: 'resource';
      resource: Resource;
      name: string;
      product: string;
      anchor: Element | undefined;
      /** What identifies the resource across pages: its ID, else its name and order number. */
      key: string;
      /** The ID the resource cell shows beside the name, if any. */
      resourceId?: string;
      /** Shown, never matched: for the exports an account manager forwards. */
      orderNo?: string;
      enterpriseProject?: string;
    }
  | { kind: 'skip'; why: SkipReason };

const noDataKeys = new Set(noDataTexts.map((text) => normalizeText(text).compact));
const actionKeys = new Set(unsubscribeActionTexts.map((text) => normalizeText(text).compact));
/** Action labels repeat on every row ("Renew", "Unsubscribe"): each is normalized once. */
const actionLabels = new Map<string, boolean>();

function isUnsubscribeLabel(label: string): boolean {
  let known = actionLabels.get(label);
  if (known === undefined) {
    known = actionKeys.has(normalizeText(label).compact);
    if (actionLabels.size < 200) actionLabels.set(label, known);
  }
  return known;
}

function text(element: Element | undefined): string {
  return element ? collapse(element.textContent ?? '') : '';
}

/** The cell under each known column, found by position (counting colspans and rowspans). */
function cellsByField(placed: PlacedCell[], table: ResourceTable): Partial<Record<ColumnField, Element>> {
  const byIndex = new Map<number, Element>();
  for (const { cell, index } of placed) byIndex.set(index, cell);
  const out: Partial<Record<ColumnField, Element>> = {};
  for (const [field, column] of Object.entries(table.columns) as Array<[ColumnField, { index: number }]>) {
    const cell = byIndex.get(column.index);
    if (cell) out[field] = cell;
  }
  return out;
}

/** Tag labels inside a cell, and the cell's text without them. */
function splitTags(cell: Element | undefined, tags: string[], selector: string): string {
  if (!cell) return '';
  const found = cell.querySelectorAll(selector);
  if (!found.length) return text(cell);
  const tagElements = [...found].filter((el) => !el.closest(ownBadgeSelector) && !el.querySelector(selector));
  for (const el of tagElements) {
    const label = text(el);
    if (label) tags.push(label);
  }
  const clone = cell.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll(selector)) if (!el.querySelector(selector)) el.remove();
  return text(clone);
}

/** The resource's display name: the first line or link of its cell. For the user to recognize, never matched. */
function resourceName(cell: Element | undefined): string {
  if (!cell) return '';
  const link = cell.querySelector(linkSelector);
  return text(link ?? undefined) || text(cell);
}

// An ID has a digit and no spaces: a UUID, "ecs-0001", an order-style number. A second word of a
// name ("Web server") is none.
const idPattern = /^(?=[^\s]*\d)[A-Za-z0-9][\w.:-]{5,}$/;

/** The ID the resource cell shows beside its name ("ecs-web-01" then "8c7e3b7e-…"), if any. */
function resourceIdIn(cell: Element | undefined, name: string): string | undefined {
  if (!cell) return undefined;
  const words = collapse(cell.textContent ?? '')
    .replace(name, ' ')
    .split(/[\s/|()（）]+/);
  return words.find((word) => idPattern.test(word));
}

function isDisabled(element: Element): boolean {
  return (
    element.hasAttribute('disabled') ||
    element.getAttribute('aria-disabled') === 'true' ||
    disabledClassPattern.test(element.getAttribute('class') ?? '')
  );
}

/**
 * The row's own unsubscribe action: whether it is disabled, and any reason it carries as a tooltip.
 * An action menu item wraps a link that wraps the label: a disabled mark on any of them counts.
 */
function readAction(cell: Element | undefined): { disabled?: boolean; reason?: string } {
  if (!cell) return {};
  for (const action of cell.querySelectorAll(actionSelector)) {
    if (!isUnsubscribeLabel(text(action) || (action.getAttribute('aria-label') ?? ''))) continue;
    const disabled =
      isDisabled(action) ||
      Boolean(action.parentElement?.closest(disabledMarkSelector)) ||
      [...action.querySelectorAll(actionSelector)].some(isDisabled);
    const reason = disabled ? (action.getAttribute('title') ?? action.getAttribute('data-tooltip') ?? undefined) : undefined;
    return { disabled, ...(reason ? { reason } : {}) };
  }
  return {};
}

/** The first two cells that are not checkbox cells: only whether there are none, one or more matters. */
function filledCells(cells: Element[]): Element[] {
  const filled: Element[] = [];
  for (const cell of cells) if (!cell.matches(checkboxCellSelector) && filled.push(cell) === 2) break;
  return filled;
}

/** Whether any cell but a selection box shows some text (a row of empty cells is a spacer, not a resource). */
function showsText(placed: PlacedCell[]): boolean {
  return placed.some(({ cell }) => !cell.matches(checkboxCellSelector) && /\S/.test(cell.textContent ?? ''));
}

function classifyNonResource(row: Element, own: Element[], placed: PlacedCell[], table: ResourceTable): SkipReason | undefined {
  if (row.matches(detailRowSelector)) return 'detail row';
  if (row.matches(noDataRowSelector)) return 'no data row';
  const filled = filledCells(placed.map(({ cell }) => cell));
  if (!filled.length || !showsText(placed)) return 'empty row';
  if (own.every((cell) => cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader')) return 'header row';
  const ownFilled = filledCells(own);
  // One cell across the table: a "no data" line or a group header ("Region: CN-Hong Kong"). A row whose
  // only own cell sits beside cells spanning down from above (rowspan) is a resource.
  if (ownFilled.length === 1 && table.width > 2 && (filled.length === 1 || spanOf(ownFilled[0]!) > 1)) {
    // The no-data markup is looked for only here: a resource's cells may well hold an "empty" class.
    const only = ownFilled[0]!;
    return only.querySelector(noDataRowSelector) || noDataKeys.has(normalizeText(text(only)).compact) ? 'no data row' : 'group header';
  }
  return undefined;
}

/** The console greys the row out, or its selection control cannot be ticked. */
function rowDisabled(row: Element, own: Element[]): boolean {
  return row.matches(disabledRowSelector) || own.some((cell) => cell.matches(checkboxCellSelector) && cell.querySelector(disabledSelectionSelector));
}

/** The cell the badge goes in: the product type's, else the operation's, else the row's last own cell. */
function badgeCell(row: Element, own: Element[], by: Partial<Record<ColumnField, Element>>): Element | undefined {
  for (const cell of [by.productType, by.operation]) if (cell && own.includes(cell)) return cell;
  return own.filter((cell) => !cell.matches(checkboxCellSelector)).pop() ?? own[own.length - 1];
}

/**
 * Reads one row: a resource, or the reason it is not one. `cache` is shared by the rows of one pass
 * over an unchanging page (it holds the layouts of sections with rowspans).
 */
export function readRow(row: Element, table: ResourceTable, cache?: RowLayoutCache): RowReading {
  const own = rowCells(row, table);
  const placed = placedCells(row, own, table, cache);
  const skip = classifyNonResource(row, own, placed, table);
  if (skip) return { kind: 'skip', why: skip };

  const by = cellsByField(placed, table);
  const tags: string[] = [];
  const productType = splitTags(by.productType, tags, productTagSelector);
  splitTags(by.resource, tags, tagSelector); // tags beside the name; the name itself is never read for conditions
  const action = readAction(by.operation);
  const actionDisabled = action.disabled || (action.disabled === undefined && rowDisabled(row, own)) || undefined;
  const reasonText = text(by.reason) || action.reason;

  const resource: Resource = {};
  if (productType) resource.productType = productType;
  for (const field of ['billingMode', 'status', 'specification', 'region', 'expiry'] as const) {
    const value = text(by[field]);
    if (value) resource[field] = value;
  }
  if (tags.length) resource.tags = tags;
  if (actionDisabled) resource.actionDisabled = true;
  if (reasonText) resource.reasonText = reasonText;

  const name = resourceName(by.resource);
  const resourceId = resourceIdIn(by.resource, name);
  const orderNo = text(by.orderNo);
  const enterpriseProject = text(by.enterpriseProject);
  return {
    kind: 'resource',
    resource,
    name,
    key: resourceId ? `id:${resourceId}` : `name:${name}|${orderNo}`,
    ...(resourceId && { resourceId }),
    ...(orderNo && { orderNo }),
    ...(enterpriseProject && { enterpriseProject }),
    product: productType,
    // The badge goes next to the product type: the column every resource table has.
    anchor: badgeCell(row, own, by),
  };
}
