// Small builders for Unsubscriptions tables in tests, in the console's TinyUI markup.
export interface RowSpec {
  name: string;
  product: string;
  billing?: string;
  status?: string;
  tags?: string[];
  /** How the row's Unsubscribe action is disabled, if it is. */
  disabled?: 'attribute' | 'aria' | 'class';
}

const headers = ['Resource Name/ID', 'Product Type', 'Billing Mode', 'Status', 'Operation'];

function cell(doc: Document, text: string): HTMLTableCellElement {
  const td = doc.createElement('td');
  td.textContent = text;
  return td;
}

export function buildRow(doc: Document, spec: RowSpec): HTMLTableRowElement {
  const tr = doc.createElement('tr');
  const check = doc.createElement('td');
  check.className = 'checkbox-column';
  const nameCell = doc.createElement('td');
  const link = doc.createElement('a');
  link.textContent = spec.name;
  nameCell.append(link);
  const product = cell(doc, spec.product);
  for (const tag of spec.tags ?? []) {
    // OpenTiny NG's tag markup.
    const tagElement = doc.createElement('ti-tag');
    tagElement.className = 'ti3-multiselect-box-cell';
    const label = doc.createElement('section');
    label.className = 'ti3-box-cell-key';
    label.textContent = tag;
    tagElement.append(label);
    product.append(' ', tagElement);
  }
  const op = doc.createElement('td');
  const action = doc.createElement(spec.disabled === 'attribute' ? 'button' : 'a');
  action.textContent = 'Unsubscribe';
  if (spec.disabled === 'attribute') action.setAttribute('disabled', '');
  if (spec.disabled === 'aria') action.setAttribute('aria-disabled', 'true');
  if (spec.disabled === 'class') action.className = 'ti3-btn-disabled';
  op.append(action);
  tr.append(check, nameCell, product, cell(doc, spec.billing ?? 'Yearly/Monthly'), cell(doc, spec.status ?? 'In use'), op);
  return tr;
}

/** A TinyUI table with a fixed header: the header and the body are two separate <table>s. */
export function buildTinyTable(doc: Document, rows: RowSpec[]): { root: HTMLElement; body: HTMLTableSectionElement } {
  const root = doc.createElement('ti-table');
  root.className = 'ti3-table';
  const head = doc.createElement('div');
  head.className = 'ti3-table-fixed-head';
  const headTable = doc.createElement('table');
  const thead = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  const checkTh = doc.createElement('th');
  checkTh.className = 'checkbox-column';
  headRow.append(checkTh);
  for (const text of headers) {
    const th = doc.createElement('th');
    const label = doc.createElement('span');
    label.textContent = text;
    const sort = doc.createElement('span');
    sort.className = 'ti3-sort-icon';
    th.append(label, sort);
    headRow.append(th);
  }
  thead.append(headRow);
  headTable.append(thead);
  head.append(headTable);
  const container = doc.createElement('div');
  container.className = 'ti3-table-container';
  const bodyTable = doc.createElement('table');
  const body = doc.createElement('tbody');
  for (const spec of rows) body.append(buildRow(doc, spec));
  bodyTable.append(body);
  container.append(bodyTable);
  root.append(head, container);
  return { root, body };
}

/** Re-renders a row in place: same <tr> and cells, new content (whatever the extension added goes too). */
export function rerenderInPlace(row: HTMLTableRowElement, spec: RowSpec): void {
  const fresh = buildRow(row.ownerDocument, spec);
  const cells = [...row.children];
  [...fresh.children].forEach((cell, i) => cells[i]!.replaceChildren(...cell.childNodes));
}

/** Changes only the text of a cell's first text node, as an Angular interpolation binding does. */
export function retext(cell: Element, text: string): void {
  const node = [...cell.childNodes].find((child) => child.nodeType === 3) as Text | undefined;
  if (node) node.data = text;
  else cell.prepend(cell.ownerDocument.createTextNode(text));
}
