// Unsubscriptions tables in TinyUI's fixed-header markup (test/fixtures/intl-en-tiny.html), built
// with createElement, and re-rendered the way Angular does it: the same <tr> and <td> keep their
// nodes and get new text (text nodes' data), tags come and go, [disabled] and classes toggle.
import { rowSpec, type RowSpec } from './row-kinds';

const headers: Array<{ text: string; width: string; noise?: 'filter' | 'sort' }> = [
  { text: 'Resource Name/ID', width: '14%' },
  { text: 'Product Type', width: '12%', noise: 'filter' },
  { text: 'Product Specifications', width: '13%' },
  { text: 'Region', width: '8%', noise: 'filter' },
  { text: 'Billing Mode', width: '8%' },
  { text: 'Expiration Time', width: '10%', noise: 'sort' },
  { text: 'Status', width: '6%', noise: 'filter' },
  { text: 'Order No.', width: '11%' },
  { text: 'Enterprise Project', width: '8%' },
  { text: 'Operation', width: '7%' },
];

/** The nodes Angular's bindings hold for one row: what an in-place re-render writes to. */
interface RowView {
  spec: RowSpec;
  checkbox: HTMLInputElement;
  name: Text;
  resourceId: Text;
  productCell: HTMLElement;
  product: HTMLElement;
  productText: Text;
  tag: HTMLElement | null;
  specification: Text;
  region: Text;
  billing: Text;
  expiry: Text;
  statusDot: HTMLElement;
  status: Text;
  orderNo: Text;
  project: Text;
  action: HTMLButtonElement;
}

const views = new WeakMap<Element, RowView>();

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.append(doc.createTextNode(text));
  return element;
}

function textCell(doc: Document, text: string): [HTMLTableCellElement, Text] {
  const td = el(doc, 'td');
  td.setAttribute('tioverflow', '');
  const node = doc.createTextNode(text);
  td.append(node);
  return [td, node];
}

function makeTag(doc: Document, label: string): HTMLElement {
  return el(doc, 'span', 'ti3-tag', label);
}

function dotClass(status: string): string {
  return status === 'In use' ? 'cbc-status-dot' : status === 'Expired' ? 'cbc-status-dot error' : 'cbc-status-dot warn';
}

function rowClass(spec: RowSpec): string {
  return spec.kind.action === 'enabled' ? 'ti3-table-detail-icon-tr' : 'ti3-table-detail-icon-tr ti3-disabled-tr';
}

function applyAction(action: HTMLButtonElement, spec: RowSpec): void {
  const { action: state } = spec.kind;
  action.toggleAttribute('disabled', state === 'disabled');
  if (state === 'aria-disabled') {
    if (action.getAttribute('aria-disabled') !== 'true') action.setAttribute('aria-disabled', 'true');
  } else if (action.hasAttribute('aria-disabled')) action.removeAttribute('aria-disabled');
}

export function buildRow(doc: Document, spec: RowSpec, index: number): HTMLTableRowElement {
  const tr = el(doc, 'tr', rowClass(spec));

  const checkCell = el(doc, 'td');
  checkCell.setAttribute('checkbox-column', '');
  const checkbox = el(doc, 'input', 'ti3-checkbox-input');
  checkbox.type = 'checkbox';
  checkbox.id = `ti_auto_id_row_${index}`;
  checkbox.disabled = spec.kind.action !== 'enabled';
  const label = el(doc, 'label', 'ti3-checkbox');
  label.htmlFor = checkbox.id;
  label.append(el(doc, 'span', 'ti3-checkbox-skin ti3-icon ti3-icon-checkmark'));
  checkCell.append(checkbox, label);

  const detailsCell = el(doc, 'td');
  detailsCell.setAttribute('details-icon-column', '');
  const toggle = el(doc, 'a', 'ti3-toggle-details');
  toggle.href = 'javascript:void(0)';
  toggle.append(el(doc, 'i', 'ti3-icon ti3-icon-angle-right'));
  detailsCell.append(toggle);

  const resourceCell = el(doc, 'td');
  resourceCell.setAttribute('tioverflow', '');
  const resource = el(doc, 'div', 'cbc-resource-cell');
  const link = el(doc, 'a', 'ti3-link cbc-resource-name', spec.name);
  link.href = 'javascript:void(0);';
  const id = el(doc, 'span', 'cbc-resource-id', spec.resourceId);
  resource.append(link, id);
  resourceCell.append(resource);

  const productCell = el(doc, 'td');
  productCell.setAttribute('tioverflow', '');
  const product = el(doc, 'span', 'cbc-product-type', spec.kind.product);
  productCell.append(product);
  const tag = spec.kind.tag ? makeTag(doc, spec.kind.tag) : null;
  if (tag) productCell.append(tag);

  const specCell = el(doc, 'td');
  specCell.setAttribute('tioverflow', '');
  const specSpan = el(doc, 'span', undefined, spec.kind.specification);
  specCell.append(specSpan);

  const [regionCell, region] = textCell(doc, spec.region);
  const [billingCell, billing] = textCell(doc, spec.kind.billing);
  const [expiryCell, expiry] = textCell(doc, spec.expiry);

  const statusCell = el(doc, 'td');
  statusCell.setAttribute('tioverflow', '');
  const statusDot = el(doc, 'span', dotClass(spec.kind.status));
  const statusSpan = el(doc, 'span', undefined, spec.kind.status);
  statusCell.append(statusDot, statusSpan);

  const orderCell = el(doc, 'td');
  orderCell.setAttribute('tioverflow', '');
  const order = el(doc, 'a', 'ti3-link', spec.orderNo);
  order.href = 'javascript:void(0);';
  orderCell.append(order);

  const [projectCell, project] = textCell(doc, spec.project);

  const operationCell = el(doc, 'td');
  operationCell.setAttribute('tioverflow', '');
  const action = el(doc, 'button', 'ti3-btn-link', 'Unsubscribe');
  action.type = 'button';
  action.setAttribute('tibutton', '');
  applyAction(action, spec);
  operationCell.append(action);

  tr.append(
    checkCell,
    detailsCell,
    resourceCell,
    productCell,
    specCell,
    regionCell,
    billingCell,
    expiryCell,
    statusCell,
    orderCell,
    projectCell,
    operationCell,
  );
  views.set(tr, {
    spec,
    checkbox,
    name: link.firstChild as Text,
    resourceId: id.firstChild as Text,
    productCell,
    product,
    productText: product.firstChild as Text,
    tag,
    specification: specSpan.firstChild as Text,
    region,
    billing,
    expiry,
    statusDot,
    status: statusSpan.firstChild as Text,
    orderNo: order.firstChild as Text,
    project,
    action,
  });
  return tr;
}

export interface TinyTable {
  root: HTMLElement;
  body: HTMLTableSectionElement;
}

export function buildTinyTable(doc: Document, rows: number, page: number): TinyTable {
  const root = doc.createElement('ti-table');
  root.className = 'ti3-table';
  const head = el(doc, 'div', 'ti3-table-fixed-head');
  const headTable = el(doc, 'table');
  const thead = el(doc, 'thead');
  const headRow = el(doc, 'tr');
  const checkTh = el(doc, 'th');
  checkTh.setAttribute('checkbox-column', '');
  checkTh.setAttribute('width', '40px');
  const detailsTh = el(doc, 'th');
  detailsTh.setAttribute('details-icon-column', '');
  detailsTh.setAttribute('width', '32px');
  headRow.append(checkTh, detailsTh);
  for (const { text, width, noise } of headers) {
    const th = el(doc, 'th');
    th.setAttribute('tioverflow', '');
    th.setAttribute('width', width);
    th.append(el(doc, 'span', 'ti3-table-th-text', text));
    if (noise === 'filter') th.append(el(doc, 'span', 'ti3-head-filter ti3-icon ti3-icon-filter'));
    if (noise === 'sort') th.append(el(doc, 'span', 'ti3-sort ti3-icon ti3-icon-sort'));
    headRow.append(th);
  }
  thead.append(headRow);
  headTable.append(thead);
  head.append(headTable);

  const container = el(doc, 'div', 'ti3-table-container');
  const bodyTable = el(doc, 'table');
  const body = el(doc, 'tbody');
  body.append(...buildRows(doc, rows, page));
  bodyTable.append(body);
  container.append(bodyTable);
  root.append(head, container);
  return { root, body };
}

export function buildRows(doc: Document, rows: number, page: number): HTMLTableRowElement[] {
  const built: HTMLTableRowElement[] = [];
  for (let i = 0; i < rows; i++) built.push(buildRow(doc, rowSpec(page, i), i));
  return built;
}

function setText(node: Text, value: string): void {
  // Angular writes a binding only when its value changed.
  if (node.data !== value) node.data = value;
}

/**
 * Shows result page `page` in the same rows, as Angular's change detection does on paging; with
 * `offset`, the items from `offset` on, as a virtual scroll recycles its rows for the items now in view.
 */
export function rerenderInPlace(body: HTMLTableSectionElement, page: number, offset = 0): void {
  const doc = body.ownerDocument;
  let index = offset;
  for (const tr of body.children) {
    const view = views.get(tr);
    if (!view) continue;
    const spec = rowSpec(page, index++);
    view.spec = spec;
    const className = rowClass(spec);
    if (tr.className !== className) tr.className = className;
    const disabled = spec.kind.action !== 'enabled';
    if (view.checkbox.disabled !== disabled) view.checkbox.disabled = disabled;
    setText(view.name, spec.name);
    setText(view.resourceId, spec.resourceId);
    setText(view.productText, spec.kind.product);
    // *ngIf on the tag: created or destroyed, else its text binding updated.
    if (spec.kind.tag && view.tag) setText(view.tag.firstChild as Text, spec.kind.tag);
    else if (spec.kind.tag) {
      view.tag = makeTag(doc, spec.kind.tag);
      view.product.after(view.tag);
    } else if (view.tag) {
      view.tag.remove();
      view.tag = null;
    }
    setText(view.specification, spec.kind.specification);
    setText(view.region, spec.region);
    setText(view.billing, spec.kind.billing);
    setText(view.expiry, spec.expiry);
    const dot = dotClass(spec.kind.status);
    if (view.statusDot.className !== dot) view.statusDot.className = dot;
    setText(view.status, spec.kind.status);
    setText(view.orderNo, spec.orderNo);
    setText(view.project, spec.project);
    applyAction(view.action, spec);
  }
}

/** Shows result page `page` in new <tr> elements, as a re-created *ngFor does. */
export function replaceRows(body: HTMLTableSectionElement, rows: number, page: number): void {
  body.replaceChildren(...buildRows(body.ownerDocument, rows, page));
}

/** What the row shows now, for checking the badges against it. */
export function shownSpec(tr: Element): RowSpec | undefined {
  return views.get(tr)?.spec;
}
