// Finding resource tables, case by case: which header texts name which column, which tables count,
// how a header-only table pairs with its body, and where each cell of a row sits.
import { beforeEach, describe, expect, it } from 'vitest';
import { componentParts, findResourceTables, headerChanged, headerText, isPartOf, isResourceTable, matchHeader } from '../../src/page/find-tables';
import { placedCells, rowCells, spanOf, tableRows } from '../../src/page/table-layout';
import { headerNames } from '../../src/console/columns';

const names = headerNames();
const find = () => findResourceTables(document, { headers: names });
const page = (html: string) => {
  document.body.innerHTML = html;
};
const th = (...texts: string[]) => texts.map((text) => `<th>${text}</th>`).join('');
const td = (...texts: string[]) => texts.map((text) => `<td>${text}</td>`).join('');
const consoleHeader = th('Resource Name/ID', 'Product Type', 'Billing Mode', 'Status');
const row = (name: string, product = 'Elastic Cloud Server') => `<tr>${td(name, product, 'Yearly/Monthly', 'In use')}</tr>`;

beforeEach(() => page(''));

describe('which header text names which column', () => {
  it('matches whole texts whatever their case, spacing and width', () => {
    expect(matchHeader('Product Type', names)).toBe('productType');
    expect(matchHeader('  product   TYPE ', names)).toBe('productType');
    expect(matchHeader('产品类型', names)).toBe('productType');
    expect(matchHeader('Ｓｔａｔｕｓ', names)).toBe('status');
  });

  it('takes a header with more words after a known one, at a word boundary, the longest known one first', () => {
    expect(matchHeader('Status (i)', names)).toBe('status');
    expect(matchHeader('Resource Status details', names)).toBe('status');
    expect(matchHeader('Statuses', names)).toBeUndefined();
    expect(matchHeader('Regional', names)).toBeUndefined();
  });

  it('names nothing for an empty or unknown header', () => {
    expect(matchHeader('', names)).toBeUndefined();
    expect(matchHeader(' - ', names)).toBeUndefined();
    expect(matchHeader('Tags', names)).toBeUndefined();
  });

  it("puts the user's own header names first, and rebuilds its index when they change", () => {
    const extra = headerNames({ status: ['State of play'] });
    expect(matchHeader('State of play', extra)).toBe('status');
    expect(matchHeader('State of play', names)).toBeUndefined();
  });

  it("reads a header cell's label without sort arrows, tooltips and icons, and falls back to all its text", () => {
    page(`<table><tr><th id="a">Status <span class="sort-icon">▲</span><span role="tooltip">Sort by status</span></th><th id="b"><span class="tooltip-text">Region</span></th><th id="c">  Billing
      Mode </th></tr></table>`);
    expect(headerText(document.getElementById('a')!)).toBe('Status');
    expect(headerText(document.getElementById('b')!)).toBe('Region');
    expect(headerText(document.getElementById('c')!)).toBe('Billing Mode');
  });
});

describe('which tables count', () => {
  it('needs a product type and one of billing mode, status or resource', () => {
    expect(isResourceTable({ productType: { index: 0, header: 'Product Type' }, status: { index: 1, header: 'Status' } })).toBe(true);
    expect(isResourceTable({ productType: { index: 0, header: 'Product Type' }, billingMode: { index: 1, header: 'Billing' } })).toBe(true);
    expect(isResourceTable({ productType: { index: 0, header: 'Product Type' }, resource: { index: 1, header: 'Resource' } })).toBe(true);
    expect(isResourceTable({ productType: { index: 0, header: 'Product Type' }, region: { index: 1, header: 'Region' } })).toBe(false);
    expect(isResourceTable({ status: { index: 0, header: 'Status' }, billingMode: { index: 1, header: 'Billing' } })).toBe(false);
  });

  it('finds a native table by its <thead>, maps its columns counting colspans, and lists headers it does not know', () => {
    page(
      `<table><thead><tr><th colspan="2">Resource Name/ID</th>${th('Product Type', 'Tags', 'Status', 'Status')}</tr></thead><tbody>${row('a')}</tbody></table>`,
    );
    const [table] = find();
    expect(table?.layout).toBe('native');
    expect(table?.columns.resource).toEqual({ index: 0, header: 'Resource Name/ID' });
    expect(table?.columns.productType).toEqual({ index: 2, header: 'Product Type' });
    expect(table?.columns.status).toEqual({ index: 4, header: 'Status' });
    expect(table?.unrecognizedHeaders).toEqual(['Tags', 'Status']);
    expect(table?.width).toBe(6);
  });

  it('takes the widest row of a grouped header, and the first row of <th> where there is no <thead>', () => {
    page(`<table id="grouped"><thead><tr><th colspan="4">Resources</th></tr><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody></table>
      <table id="plain"><tbody><tr>${consoleHeader}</tr>${row('b')}</tbody></table>`);
    const tables = find();
    expect(tables.map((table) => table.root.id)).toEqual(['grouped', 'plain']);
    expect(tables.map((table) => tableRows(table).length)).toEqual([1, 2]);
  });

  it('does not take a first body row of <td> for a header, nor a <thead> of empty cells', () => {
    page(`<table><tbody><tr>${td('Resource Name/ID', 'Product Type', 'Status')}</tr></tbody></table>
      <table><thead><tr><th></th><th> </th></tr></thead><tbody>${row('a')}</tbody></table>`);
    expect(find()).toEqual([]);
  });

  it('leaves out tables nested in a cell, and tables that name no resource columns', () => {
    page(`<table id="outer"><thead><tr>${consoleHeader}</tr></thead><tbody><tr><td><table><thead><tr>${consoleHeader}</tr></thead><tbody>${row('inner')}</tbody></table></td>${td('SMN', 'Yearly/Monthly', 'In use')}</tr></tbody></table>
      <table><thead><tr>${th('Name', 'Size')}</tr></thead><tbody><tr>${td('a', '1')}</tr></tbody></table>`);
    expect(find().map((table) => table.root.id)).toEqual(['outer']);
  });

  it('reads a TinyUI component whose header and body are two tables as one table, with both as its parts', () => {
    page(`<ti-table id="tiny"><div class="ti3-table-fixed-head"><table><thead><tr>${consoleHeader}</tr></thead></table></div>
      <div class="ti3-table-container"><table><tbody>${row('a')}${row('b')}</tbody></table></div></ti-table>`);
    const [table] = find();
    expect(table?.layout).toBe('tiny-split');
    expect(table?.root.id).toBe('tiny');
    expect(table?.parts).toHaveLength(2);
    expect(tableRows(table!).map((tr) => tr.textContent?.slice(0, 1))).toEqual(['a', 'b']);
    expect(find()).toHaveLength(1);
  });

  it('reads a component of one table as a component, and not its inner table again', () => {
    page(`<div class="tiny-table" id="vue"><table><thead><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody></table></div>`);
    const tables = find();
    expect(tables.map((table) => [table.layout, table.root.id])).toEqual([['component', 'vue']]);
  });

  it("leaves a component's table nested in a cell out of its parts", () => {
    page(
      `<ti-table id="tiny"><table id="own"><thead><tr>${consoleHeader}</tr></thead><tbody><tr><td><table id="nested"><tr><td>x</td></tr></table></td>${td('SMN', 'Yearly/Monthly', 'In use')}</tr></tbody></table></ti-table>`,
    );
    expect(componentParts(document.getElementById('tiny')!).map((part) => part.id)).toEqual(['own']);
  });

  it('reads an ARIA grid by its column headers, and not the rows of a grid nested in it', () => {
    page(`<div role="grid" id="grid">
      <div role="row"><span role="columnheader">Resource Name/ID</span><span role="columnheader">Product Type</span><span role="columnheader">Status</span></div>
      <div role="row"><span role="gridcell">a</span><span role="gridcell">SMN</span><span role="gridcell">In use<div role="grid"><div role="row"><span role="gridcell">x</span></div></div></span></div>
    </div>`);
    const [table] = find();
    expect(table?.layout).toBe('aria');
    expect(table?.columns.status?.index).toBe(2);
    const rows = tableRows(table!);
    expect(rows).toHaveLength(1);
    expect(rowCells(rows[0]!, table!).map((cell) => cell.textContent?.slice(0, 3))).toEqual(['a', 'SMN', 'In ']);
  });
});

describe('a header-only table paired with the body table beside it', () => {
  const split = (header: string, bodies: string, wrap = (inner: string) => `<div class="grid" id="root">${inner}</div>`) =>
    page(wrap(`<div class="head"><table><thead><tr>${header}</tr></thead></table></div><div class="body">${bodies}</div>`));

  it("pairs by structure, whatever the classes, and reads the body's rows", () => {
    split(consoleHeader, `<table><colgroup><col><col><col><col></colgroup><tbody>${row('a')}${row('b')}</tbody></table>`);
    const [table] = find();
    expect(table?.layout).toBe('split');
    expect(table?.root.id).toBe('root');
    expect(tableRows(table!)).toHaveLength(2);
    expect(find()).toHaveLength(1);
  });

  it('pairs a body with one column fewer than a header that ends in an empty cell (a scrollbar gutter)', () => {
    split(`${consoleHeader}<th></th>`, `<table><tbody>${row('a')}</tbody></table>`);
    expect(find()[0]?.layout).toBe('split');
  });

  it('does not pair a body of another width, nor one that has a header of its own', () => {
    split(consoleHeader, `<table><tbody><tr>${td('a', 'b')}</tr></tbody></table>`);
    expect(find().map((table) => table.layout)).toEqual(['native']);
    split(consoleHeader, `<table><thead><tr>${th('Name', 'Size', 'Owner', 'Kind')}</tr></thead><tbody>${row('a')}</tbody></table>`);
    expect(find().map((table) => table.layout)).toEqual(['native']);
  });

  it('climbs at most four levels of wrappers to find the body', () => {
    const deep = (levels: number) =>
      `<div class="head"><table><thead><tr>${consoleHeader}</tr></thead></table></div>${'<div>'.repeat(levels)}<table><tbody>${row('a')}</tbody></table>${'</div>'.repeat(levels)}`;
    page(`<section><div><div>${deep(2)}</div></div></section>`);
    expect(find()[0]?.layout).toBe('split');
    page(
      `<div>${'<div>'.repeat(5)}<div class="head"><table><thead><tr>${consoleHeader}</tr></thead></table></div>${'</div>'.repeat(5)}<table><tbody>${row('a')}</tbody></table></div>`,
    );
    expect(find()[0]?.layout).toBe('native');
  });

  it('knows a body table put in later as one of its parts, and a table nested in a cell as none', () => {
    split(consoleHeader, `<table id="body"><tbody>${row('a')}</tbody></table>`);
    const [table] = find();
    const late = document.createElement('table');
    document.querySelector('.body')!.append(late);
    expect(isPartOf(table!, late)).toBe(true);
    const nested = document.createElement('table');
    document.querySelector('#body td')!.append(nested);
    expect(isPartOf(table!, nested)).toBe(false);
  });
});

describe('whether a header changed', () => {
  it('is no change when a sort arrow or a class changes, and a change when a label or a cell does', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody></table>`);
    const [table] = find();
    const first = document.querySelector('th')!;
    first.className = 'sorted';
    first.insertAdjacentHTML('beforeend', '<span class="sort-icon">▼</span>');
    expect(headerChanged(table!)).toBe(false);
    first.firstChild!.textContent = 'Instance Name';
    expect(headerChanged(table!)).toBe(true);
    first.firstChild!.textContent = 'Resource Name/ID';
    expect(headerChanged(table!)).toBe(false);
    document.querySelectorAll('th')[3]!.remove();
    expect(headerChanged(table!)).toBe(true);
  });

  it('is no part of a native table or a grid to take a table put in later', () => {
    page(`<table id="t"><thead><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody></table>`);
    expect(isPartOf(find()[0]!, document.createElement('table'))).toBe(false);
  });
});

describe('where the cells of a row sit', () => {
  it('counts a colspan as its width, bounded, and a bad one as 1', () => {
    const cell = (colspan: string) => {
      const element = document.createElement('td');
      element.setAttribute('colspan', colspan);
      return element;
    };
    expect(spanOf(cell('3'))).toBe(3);
    expect([spanOf(cell('0')), spanOf(cell('-2')), spanOf(cell('x')), spanOf(document.createElement('td'))]).toEqual([1, 1, 1, 1]);
    expect(spanOf(cell('5000'))).toBe(1000);
  });

  it('places the cells of the rows below a rowspan after the spanning cell, and rowspan="0" to the end of the section', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead><tbody>
      <tr><td rowspan="0">group</td>${td('SMN', 'Yearly/Monthly', 'In use')}</tr>
      <tr>${td('ECS', 'Pay-per-use', 'Expired')}</tr>
      <tr>${td('EVS', 'Yearly/Monthly', 'Frozen')}</tr>
    </tbody></table>`);
    const [table] = find();
    const rows = tableRows(table!);
    const at = (i: number) => placedCells(rows[i]!, rowCells(rows[i]!, table!), table!).map(({ cell, index }) => `${index}:${cell.textContent}`);
    expect(at(1)).toEqual(['0:group', '1:ECS', '2:Pay-per-use', '3:Expired']);
    expect(at(2)).toEqual(['0:group', '1:EVS', '2:Yearly/Monthly', '3:Frozen']);
  });

  it('reads a row whose own cells fill the table as it stands, whatever spans down from above', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead><tbody>
      <tr><td rowspan="2">a</td>${td('SMN', 'Yearly/Monthly', 'In use')}</tr>
      <tr>${td('b', 'ECS', 'Pay-per-use', 'Expired')}</tr>
    </tbody></table>`);
    const [table] = find();
    const second = tableRows(table!)[1]!;
    expect(placedCells(second, rowCells(second, table!), table!).map(({ index }) => index)).toEqual([0, 1, 2, 3]);
  });

  it('takes rows a built DOM hangs straight off the table', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead></table>`);
    const table = document.querySelector('table')!;
    const tr = document.createElement('tr');
    for (const text of ['a', 'SMN', 'Yearly/Monthly', 'In use']) tr.appendChild(document.createElement('td')).textContent = text;
    table.append(tr);
    const [found] = find();
    expect(tableRows(found!)).toEqual([tr]);
  });

  it("no longer reads a component's inner table once the console has taken it out", () => {
    page(`<ti-table><div class="ti3-table-fixed-head"><table><thead><tr>${consoleHeader}</tr></thead></table></div>
      <div class="ti3-table-container"><table id="body"><tbody>${row('a')}</tbody></table></div></ti-table>`);
    const [found] = find();
    expect(tableRows(found!)).toHaveLength(1);
    document.getElementById('body')!.remove();
    expect(tableRows(found!)).toEqual([]);
  });
});

describe('edge cases of finding tables', () => {
  it('takes the last of equally wide header rows (it names the leaf columns), and no mixed <th>/<td> row as a header', () => {
    page(`<table id="a"><thead><tr>${th('Group', 'Group', 'Group', 'Group')}</tr><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody></table>
      <table id="b"><tbody><tr><th>Resource Name/ID</th><td>Product Type</td><th>Status</th></tr>${row('b')}</tbody></table>`);
    expect(find().map((table) => table.root.id)).toEqual(['a']);
  });

  it('looks past an empty first body row for a row of <th>, and finds nothing in an empty <table>', () => {
    page(`<table id="late"><tbody><tr></tr><tr>${consoleHeader}</tr>${row('a')}</tbody></table><table></table><table><tbody></tbody></table>`);
    expect(find().map((table) => table.root.id)).toEqual(['late']);
  });

  it('lists tables in document order, whatever markup each is', () => {
    page(`<div role="grid" id="grid"><div role="row"><span role="columnheader">Product Type</span><span role="columnheader">Status</span></div></div>
      <table id="native"><thead><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody></table>
      <div class="tiny-table" id="component"><table><thead><tr>${consoleHeader}</tr></thead></table></div>`);
    expect(find().map((table) => table.root.id)).toEqual(['grid', 'native', 'component']);
  });

  it("takes a component's header from whichever of its tables has one", () => {
    page(
      `<ti-table id="t"><div class="ti3-table-container"><table><tbody>${row('a')}</tbody></table></div><div class="ti3-table-fixed-head"><table><thead><tr>${consoleHeader}</tr></thead></table></div></ti-table>`,
    );
    expect(find().map((table) => [table.root.id, table.layout])).toEqual([['t', 'tiny-split']]);
  });

  it("does not count the tables of a component inside another as the outer one's parts", () => {
    page(
      `<ti-table id="outer"><table id="own"><thead><tr>${consoleHeader}</tr></thead></table><div><ti-table id="inner"><table id="theirs"></table></ti-table></div></ti-table>`,
    );
    expect(componentParts(document.getElementById('outer')!).map((part) => part.id)).toEqual(['own']);
  });

  it("takes ARIA column headers only from the grid's own rows, and only its columnheader cells", () => {
    page(`<div role="grid" id="g">
      <div role="row"><span role="gridcell"><div role="grid"><div role="row"><span role="columnheader">Product Type</span><span role="columnheader">Status</span></div></div></span></div>
      <div role="row"><span role="gridcell">note</span></div>
      <div role="row"><span role="gridcell">x</span><span role="columnheader">Product Type</span><span role="columnheader">Billing Mode</span></div>
      <div role="row"><span role="gridcell">a</span><span role="gridcell">SMN</span><span role="gridcell">Yearly/Monthly</span></div>
    </div>`);
    const tables = find();
    const outer = tables.find((table) => table.root.id === 'g');
    expect(outer?.columns.productType?.index).toBe(0);
    expect(outer?.header.map((cell) => cell.textContent)).toEqual(['Product Type', 'Billing Mode']);
    // A row holding a column header of its own is a header row; one whose cell holds another grid's headers is not.
    expect(tableRows(outer!).map((r) => r.textContent?.trim().slice(0, 4))).toEqual(['Prod', 'note', 'aSMN']);
  });

  it('is no part of a grid to take a <table> put in it outside any cell', () => {
    page(`<div role="grid" id="g"><div role="row"><span role="columnheader">Product Type</span><span role="columnheader">Status</span></div></div>`);
    const grid = document.getElementById('g')!;
    const stray = document.createElement('table');
    grid.append(stray);
    expect(isPartOf(find()[0]!, stray)).toBe(false);
  });
});

describe('edge cases of pairing a header with its body', () => {
  const nested = (bodyDepth: number) => {
    // The header table sits in div.head inside four wrappers (a1 to a4); the body is put `bodyDepth` wrappers up.
    page(
      `<div id="root"><div id="a4"><div id="a3"><div id="a2"><div id="a1"><div class="head"><table><thead><tr>${consoleHeader}</tr></thead></table></div></div></div></div></div></div>`,
    );
    const body = document.createElement('div');
    body.innerHTML = `<table><tbody>${row('a')}</tbody></table>`;
    document.getElementById(`a${bodyDepth}`)!.append(body);
    return find()[0]?.layout;
  };

  it('pairs a body found three wrappers up, not four', () => {
    expect(nested(3)).toBe('split');
    expect(nested(4)).toBe('native');
  });

  it('does not pair a body wider than the header', () => {
    page(
      `<div><div><table><thead><tr>${consoleHeader}</tr></thead></table></div><div><table><tbody><tr>${td('a', 'b', 'c', 'd', 'e', 'f')}</tr></tbody></table></div></div>`,
    );
    expect(find()[0]?.layout).toBe('native');
  });

  it("counts a body's columns by its <colgroup> where it has one", () => {
    page(
      `<div><div><table><thead><tr>${consoleHeader}</tr></thead></table></div><div><table><colgroup><col span="2"><col><col></colgroup><tbody><tr>${td('a', 'SMN')}</tr></tbody></table></div></div>`,
    );
    expect(find()[0]?.layout).toBe('split');
  });
});

describe('edge cases of cell positions', () => {
  it('reads a row short of cells in a table with no rowspan at its own positions', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead><tbody><tr>${td('a', 'SMN')}</tr></tbody></table>`);
    const [table] = find();
    const [only] = tableRows(table!);
    expect(placedCells(only!, rowCells(only!, table!), table!).map(({ index }) => index)).toEqual([0, 1]);
  });

  it('ends a rowspan where it says, counts a bad rowspan as 1, and keeps cells in column order', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead><tbody>
      <tr><td>a</td><td rowspan="2">SMN</td><td rowspan="x">Yearly/Monthly</td><td rowspan="-1">In use</td></tr>
      <tr>${td('b', 'Pay-per-use', 'Expired')}</tr>
      <tr><td>c</td><td colspan="2">ECS</td></tr>
    </tbody></table>`);
    const [table] = find();
    const rows = tableRows(table!);
    const at = (i: number) => placedCells(rows[i]!, rowCells(rows[i]!, table!), table!).map(({ cell, index }) => `${index}:${cell.textContent}`);
    expect(at(1)).toEqual(['0:b', '1:SMN', '2:Pay-per-use', '3:Expired']);
    // The third row is short of cells, so it is laid out: nothing spans into it any more.
    expect(at(2)).toEqual(['0:c', '1:ECS']);
  });

  it('keeps the layout of a section for the rows of one pass, and works it out again for a new cache', () => {
    page(`<table><thead><tr>${consoleHeader}</tr></thead><tbody>
      <tr><td rowspan="2">a</td>${td('SMN', 'Yearly/Monthly', 'In use')}</tr><tr>${td('ECS', 'Pay-per-use', 'Expired')}</tr></tbody></table>`);
    const [table] = find();
    const second = tableRows(table!)[1]!;
    const cache = new WeakMap();
    const first = placedCells(second, rowCells(second, table!), table!, cache);
    expect(placedCells(second, rowCells(second, table!), table!, cache)).toBe(first);
    expect(placedCells(second, rowCells(second, table!), table!, new WeakMap())).not.toBe(first);
  });
});

describe('more edge cases of finding tables', () => {
  it('takes the header row with the most cells, not merely the last', () => {
    page(`<table><thead><tr>${consoleHeader}</tr><tr>${th('name', 'id')}</tr></thead><tbody>${row('a')}</tbody></table>`);
    expect(find()[0]?.columns.status?.index).toBe(3);
  });

  it('finds no header when the first body row with cells is a data row, even if a row of <th> follows', () => {
    page(`<table><tbody><tr>${td('x', 'y')}</tr><tr>${consoleHeader}</tr>${row('a')}</tbody></table>`);
    expect(find()).toEqual([]);
  });

  it("keeps a header text with the first column that names it: a user's extra name cannot take over another column's", () => {
    const mine = headerNames({ status: ['Billing Mode', 'State'] });
    expect(matchHeader('Billing Mode', mine)).toBe('billingMode');
    expect(matchHeader('State', mine)).toBe('status');
  });

  it('reads a table at the top of a fragment (no parent element)', () => {
    const fragment = document.createDocumentFragment();
    const table = document.createElement('table');
    table.innerHTML = `<thead><tr>${consoleHeader}</tr></thead><tbody>${row('a')}</tbody>`;
    fragment.append(table);
    expect(findResourceTables(fragment, { headers: names }).map((found) => found.root)).toEqual([table]);
  });

  it("keeps the parts of a component that itself sits in a layout table's cell", () => {
    page(`<table><tr><td><ti-table id="t"><table id="own"><thead><tr>${consoleHeader}</tr></thead></table></ti-table></td></tr></table>`);
    expect(componentParts(document.getElementById('t')!).map((part) => part.id)).toEqual(['own']);
  });
});
