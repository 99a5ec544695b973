// Reading one row, case by case: which rows are resources, and which cell the badge goes in.
import { describe, expect, it } from 'vitest';
import { findResourceTables } from '../../src/page/find-tables';
import { headerNames } from '../../src/console/columns';
import { readRow } from '../../src/page/read-row';

const headers = ['', 'Resource Name/ID', 'Product Type', 'Billing Mode', 'Status', 'Operation'];

/** A native table with the console's columns (a checkbox column first) and the given body rows. */
function tableWith(bodyRows: string) {
  document.body.innerHTML = `<table><thead><tr>${headers.map((text) => `<th${text ? '' : ' class="checkbox-column"'}>${text}</th>`).join('')}</tr></thead><tbody>${bodyRows}</tbody></table>`;
  const [table] = findResourceTables(document, { headers: headerNames() });
  const rows = [...document.querySelectorAll('tbody > tr')];
  return { table: table!, rows, read: (i: number) => readRow(rows[i]!, table!) };
}

const resourceRow = (product = 'Elastic Cloud Server', operation = '<a>Unsubscribe</a>') =>
  `<tr><td class="checkbox-column"><input type="checkbox"></td><td><a>web-1</a></td><td>${product}</td><td>Yearly/Monthly</td><td>In use</td><td>${operation}</td></tr>`;

describe('which rows are resources', () => {
  it('skips a row whose cells are all empty (or only a selection box) as an empty row', () => {
    const { read } = tableWith(
      `<tr><td class="checkbox-column"><input type="checkbox"></td><td></td><td> </td><td></td><td></td><td></td></tr>${resourceRow()}`,
    );
    expect(read(0)).toEqual({ kind: 'skip', why: 'empty row' });
    expect(read(1).kind).toBe('resource');
  });

  it('skips a header row repeated inside the body', () => {
    const { read } = tableWith(`<tr>${headers.map((text) => `<th>${text}</th>`).join('')}</tr>${resourceRow()}`);
    expect(read(0)).toEqual({ kind: 'skip', why: 'header row' });
  });

  it('tells a "no data" line from a group header: both are one cell across the table', () => {
    const { read } = tableWith(
      `<tr><td colspan="6">No data</td></tr><tr><td colspan="6">暂无数据</td></tr><tr><td colspan="6">Region: CN-Hong Kong</td></tr><tr class="ti3-table-nodata"><td colspan="6">Nothing here</td></tr>`,
    );
    expect([0, 1, 2, 3].map((i) => read(i))).toEqual([
      { kind: 'skip', why: 'no data row' },
      { kind: 'skip', why: 'no data row' },
      { kind: 'skip', why: 'group header' },
      { kind: 'skip', why: 'no data row' },
    ]);
  });

  it('reads a row of two filled cells as a resource, not as a group header', () => {
    const { read } = tableWith(`<tr><td></td><td><a>db-1</a></td><td>Relational Database Service</td><td></td><td></td><td></td></tr>`);
    const reading = read(0);
    expect(reading.kind).toBe('resource');
  });

  it('skips detail rows', () => {
    const { read } = tableWith(
      `${resourceRow()}<tr class="ti3-details-tr"><td colspan="6">Details of web-1: Elastic Cloud Server</td></tr><tr class="tiny-grid-body__expanded-row"><td colspan="6">More</td></tr>`,
    );
    expect([read(1), read(2)]).toEqual([
      { kind: 'skip', why: 'detail row' },
      { kind: 'skip', why: 'detail row' },
    ]);
  });
});

describe('the cell the badge goes in', () => {
  it('is the product type cell', () => {
    const { rows, read } = tableWith(resourceRow());
    const reading = read(0);
    expect(reading.kind === 'resource' && reading.anchor).toBe(rows[0]!.children[2]);
  });

  it('is the Operation cell when the row has no product type cell of its own', () => {
    document.body.innerHTML = `<table><thead><tr><th>Resource Name/ID</th><th>Product Type</th><th>Status</th><th>Operation</th></tr></thead><tbody>
      <tr><td><a>web-1</a></td><td rowspan="2">Elastic Cloud Server</td><td>In use</td><td><a>Unsubscribe</a></td></tr>
      <tr><td><a>web-2</a></td><td>Expired</td><td><a>Unsubscribe</a></td></tr></tbody></table>`;
    const [table] = findResourceTables(document, { headers: headerNames() });
    const second = document.querySelectorAll('tbody > tr')[1]!;
    const reading = readRow(second, table!);
    expect(reading.kind === 'resource' && reading.resource.productType).toBe('Elastic Cloud Server');
    expect(reading.kind === 'resource' && reading.anchor).toBe(second.children[2]);
  });

  it('is the last cell that is not a selection box when neither is there', () => {
    document.body.innerHTML = `<table><thead><tr><th>Resource Name/ID</th><th>Product Type</th><th>Status</th><th></th></tr></thead><tbody>
      <tr><td><a>web-1</a></td><td rowspan="2">Elastic Cloud Server</td><td>In use</td><td class="checkbox-column"><input type="checkbox"></td></tr>
      <tr><td><a>web-2</a></td><td>Expired</td><td class="checkbox-column"><input type="checkbox"></td></tr></tbody></table>`;
    const [table] = findResourceTables(document, { headers: headerNames() });
    const second = document.querySelectorAll('tbody > tr')[1]!;
    const reading = readRow(second, table!);
    expect(reading.kind === 'resource' && reading.anchor).toBe(second.children[1]);
  });
});
