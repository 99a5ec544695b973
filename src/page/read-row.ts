// Reading one row of a resource table into what the engine needs. Never reads a condition from the
// resource's own name or ID: those are chosen by the user ("smn-trial-test" is not a trial).
import type { Resource } from '../rules/types';
import type { ColumnField } from './columns';
import { collapse, rowCells, spanOf, type ResourceTable } from './find-tables';
import {
  actionSelector,
  checkboxCellSelector,
  detailRowSelector,
  disabledClassPattern,
  disabledRowSelector,
  noDataRowSelector,
  noDataTexts,
  ownBadgeSelector,
  productTagSelector,
  tagSelector,
  unsubscribeActionTexts,
} from './selectors';
import { normalizeText } from '../rules/text-match';

export type SkipReason = 'detail row' | 'no data row' | 'group header' | 'header row' | 'empty row';

export type RowReading =
  | { kind: 'resource'; resource: Resource; name: string; product: string; anchor: Element | undefined }
  | { kind: 'skip'; why: SkipReason };

const noDataKeys = new Set(noDataTexts.map((text) => normalizeText(text).compact));
const actionKeys = new Set(unsubscribeActionTexts.map((text) => normalizeText(text).compact));

function text(element: Element | undefined): string {
  return element ? collapse(element.textContent ?? '') : '';
}

/** The cell under each known column, found by position (counting colspans). */
function cellsByField(cells: Element[], table: ResourceTable): Partial<Record<ColumnField, Element>> {
  const byIndex = new Map<number, Element>();
  let index = 0;
  for (const cell of cells) {
    byIndex.set(index, cell);
    index += spanOf(cell);
  }
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
  const link = cell.querySelector('a');
  const name = text(link ?? undefined) || text(cell);
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

function isDisabled(element: Element): boolean {
  return (
    element.hasAttribute('disabled') ||
    element.getAttribute('aria-disabled') === 'true' ||
    disabledClassPattern.test(element.getAttribute('class') ?? '')
  );
}

/** The row's own unsubscribe action: whether it is disabled, and any reason it carries as a tooltip. */
function readAction(cell: Element | undefined): { disabled?: boolean; reason?: string } {
  if (!cell) return {};
  for (const action of cell.querySelectorAll(actionSelector)) {
    if (!actionKeys.has(normalizeText(text(action)).compact)) continue;
    const disabled = isDisabled(action) || Boolean(action.parentElement?.closest('[aria-disabled="true"], [disabled]'));
    const reason = disabled ? action.getAttribute('title') ?? action.getAttribute('data-tooltip') ?? undefined : undefined;
    return { disabled, ...(reason ? { reason } : {}) };
  }
  return {};
}

function classifyNonResource(row: Element, cells: Element[], table: ResourceTable): SkipReason | undefined {
  if (row.matches(detailRowSelector)) return 'detail row';
  if (row.matches(noDataRowSelector) || row.querySelector(noDataRowSelector)) return 'no data row';
  const filled = cells.filter((cell) => !cell.matches(checkboxCellSelector));
  if (!filled.length) return 'empty row';
  if (cells.every((cell) => cell.tagName === 'TH' || cell.getAttribute('role') === 'columnheader')) return 'header row';
  if (filled.length === 1 && table.width > 2) {
    // One cell across the table: a "no data" line or a group header ("Region: CN-Hong Kong").
    return noDataKeys.has(normalizeText(text(filled[0])).compact) ? 'no data row' : 'group header';
  }
  return undefined;
}

/** Reads one row: a resource, or the reason it is not one. */
export function readRow(row: Element, table: ResourceTable): RowReading {
  const cells = rowCells(row, table);
  const skip = classifyNonResource(row, cells, table);
  if (skip) return { kind: 'skip', why: skip };

  const by = cellsByField(cells, table);
  const tags: string[] = [];
  const productType = splitTags(by.productType, tags, productTagSelector);
  splitTags(by.resource, tags, tagSelector); // tags beside the name; the name itself is never read for conditions
  const action = readAction(by.operation);
  const actionDisabled = action.disabled || (action.disabled === undefined && row.matches(disabledRowSelector)) || undefined;
  const reasonText = text(by.reason) || action.reason;

  const resource: Resource = {};
  if (productType) resource.productType = productType;
  const fields: Array<[keyof Resource & ColumnField, Element | undefined]> = [
    ['billingMode', by.billingMode],
    ['status', by.status],
    ['specification', by.specification],
    ['region', by.region],
    ['expiry', by.expiry],
  ];
  for (const [field, cell] of fields) {
    const value = text(cell);
    if (value) resource[field] = value;
  }
  if (tags.length) resource.tags = tags;
  if (actionDisabled) resource.actionDisabled = true;
  if (reasonText) resource.reasonText = reasonText;

  return {
    kind: 'resource',
    resource,
    name: resourceName(by.resource),
    product: productType,
    // The badge goes next to the product type: the column every resource table has.
    anchor: by.productType,
  };
}
