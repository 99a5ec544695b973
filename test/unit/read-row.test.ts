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

/** The resource a one-row table reads as. */
function resourceOf(row: string) {
  const reading = tableWith(row).read(0);
  if (reading.kind !== 'resource') throw new Error(`read as ${reading.why}`);
  return reading;
}
const operationRow = (operation: string, rowAttributes = '', selection = '<input type="checkbox">') =>
  `<tr${rowAttributes}><td class="checkbox-column">${selection}</td><td><a>web-1</a></td><td>Elastic Cloud Server</td><td>Yearly/Monthly</td><td>In use</td><td>${operation}</td></tr>`;

describe("the row's own unsubscribe action", () => {
  it('counts as disabled by attribute, by aria-disabled, by a disabled class, or by a mark on what wraps it', () => {
    for (const operation of [
      '<button disabled>Unsubscribe</button>',
      '<a aria-disabled="true">Unsubscribe</a>',
      '<a class="ti3-btn-disabled">Unsubscribe</a>',
      '<span class="is-disabled"><a>Renew</a></span><a class="link disabled">Unsubscribe</a>',
      '<div aria-disabled="true"><a>Unsubscribe</a></div>',
      '<span class="ti3-action-menu-item" aria-label="Unsubscribe"><ti-link disabled><section>Unsubscribe</section></ti-link></span>',
    ])
      expect(resourceOf(operationRow(operation)).resource.actionDisabled, operation).toBe(true);
  });

  it('is enabled when only another action is disabled, or when a class merely contains the word', () => {
    for (const operation of [
      '<a disabled>Renew</a> <a>Unsubscribe</a>',
      '<a class="undisabledish">Unsubscribe</a>',
      '<a aria-disabled="false">Unsubscribe</a>',
    ])
      expect(resourceOf(operationRow(operation)).resource.actionDisabled, operation).toBeUndefined();
  });

  it('knows the action by its label or its aria-label, in either language and wording', () => {
    expect(resourceOf(operationRow('<a disabled>退订资源</a>')).resource.actionDisabled).toBe(true);
    expect(resourceOf(operationRow('<a disabled aria-label="Unsubscribe from resource"><i class="icon"></i></a>')).resource.actionDisabled).toBe(
      true,
    );
    expect(resourceOf(operationRow('<a disabled>Unsubscribe later</a>')).resource.actionDisabled).toBeUndefined();
  });

  it('takes the reason a disabled action gives as its tooltip, and none from an enabled one', () => {
    expect(resourceOf(operationRow('<a disabled title="Frozen resources cannot be unsubscribed">Unsubscribe</a>')).resource.reasonText).toBe(
      'Frozen resources cannot be unsubscribed',
    );
    expect(resourceOf(operationRow('<a disabled data-tooltip="In a contract">Unsubscribe</a>')).resource.reasonText).toBe('In a contract');
    expect(resourceOf(operationRow('<a title="Unsubscribe this resource">Unsubscribe</a>')).resource.reasonText).toBeUndefined();
  });

  it('falls back to the row: greyed out, or its selection box disabled, when the action says nothing', () => {
    expect(resourceOf(operationRow('', ' class="ti3-disabled-tr"')).resource.actionDisabled).toBe(true);
    expect(resourceOf(operationRow('', '', '<input type="checkbox" disabled>')).resource.actionDisabled).toBe(true);
    expect(resourceOf(operationRow('')).resource.actionDisabled).toBeUndefined();
    // An enabled action says more than the row's colour.
    expect(resourceOf(operationRow('<a>Unsubscribe</a>', ' class="ti3-disabled-tr"')).resource.actionDisabled).toBeUndefined();
  });
});

describe('tags, names and the other fields of a row', () => {
  const tagged = (product: string, resource = '<a>web-1</a>') =>
    `<tr><td class="checkbox-column"></td><td>${resource}</td><td>${product}</td><td>Yearly/Monthly</td><td>Expired</td><td></td></tr>`;

  it('takes tag labels out of the product cell, and keeps the product name without them', () => {
    const reading = resourceOf(tagged('Elastic Cloud Server <span class="tag-trial">Trial</span><ti-tag><section>KooGallery</section></ti-tag>'));
    expect(reading.resource.productType).toBe('Elastic Cloud Server');
    expect(reading.product).toBe('Elastic Cloud Server');
    expect(reading.resource.tags).toEqual(['Trial', 'KooGallery']);
  });

  it('takes only the strict tag list beside the name, never a word of the name itself', () => {
    const reading = resourceOf(
      tagged('Elastic Cloud Server', '<a>smn-trial-test</a> <span class="label-x">Trial</span><span class="tiny-tag">试用</span>'),
    );
    expect(reading.resource.tags).toEqual(['试用']);
    expect(reading.name).toBe('smn-trial-test');
  });

  it('names the resource by its link, else by the whole cell', () => {
    expect(resourceOf(tagged('SMN', '<span>topic-7</span>')).name).toBe('topic-7');
    expect(resourceOf(tagged('SMN', '<a>topic-7</a><br>0c3d-11ef')).name).toBe('topic-7');
  });

  it('does not read its own badge as a tag', () => {
    const reading = resourceOf(tagged('Elastic Cloud Server <span class="unsub-lens-badge">Cannot unsubscribe</span>'));
    expect(reading.resource.tags).toBeUndefined();
  });

  it('reads billing mode and status, and leaves out fields the row leaves empty', () => {
    const { resource } = resourceOf(tagged('Elastic Cloud Server'));
    expect(resource).toEqual({ productType: 'Elastic Cloud Server', billingMode: 'Yearly/Monthly', status: 'Expired' });
  });
});

describe('one cell across the table', () => {
  const why = (bodyRows: string, index = 0) => {
    const reading = tableWith(bodyRows).read(index);
    return reading.kind === 'skip' ? reading.why : 'resource';
  };

  it('is a group header, or a "no data" line by its words or its markup', () => {
    expect(why('<tr><td colspan="6">Region: CN-Hong Kong</td></tr>')).toBe('group header');
    expect(why('<tr><td colspan="6">暂无数据</td></tr>')).toBe('no data row');
    expect(why('<tr><td colspan="6"><div class="ti3-table-nodata">Nothing here</div></td></tr>')).toBe('no data row');
  });

  it('is a resource when it sits beside cells spanning down from above, and a group header when it spans the rest', () => {
    const spanning = `<tr><td class="checkbox-column"></td><td rowspan="3"><a>web-1</a></td><td>Elastic Cloud Server</td><td>Yearly/Monthly</td><td>In use</td><td></td></tr>`;
    expect(why(`${spanning}<tr><td>Simple Message Notification</td></tr>`, 1)).toBe('resource');
    expect(why(`${spanning}<tr><td colspan="5">Region: CN-Hong Kong</td></tr>`, 1)).toBe('group header');
  });

  it('is a resource in a table only two columns wide', () => {
    document.body.innerHTML = `<table><thead><tr><th>Product Type</th><th>Status</th></tr></thead><tbody><tr><td>Simple Message Notification</td></tr></tbody></table>`;
    const [table] = findResourceTables(document, { headers: headerNames() });
    expect(readRow(document.querySelector('tbody > tr')!, table!).kind).toBe('resource');
  });

  it('counts a row of header cells as a header row, by tag or by role, and a row with one <th> among cells as a resource', () => {
    expect(why(`<tr>${headers.map((text) => `<th>${text}</th>`).join('')}</tr>`)).toBe('header row');
    expect(why(`<tr>${headers.map((text) => `<td role="columnheader">${text || '-'}</td>`).join('')}</tr>`)).toBe('header row');
    expect(
      why(
        `<tr><td class="checkbox-column"></td><th><a>web-1</a></th><td>Elastic Cloud Server</td><td>Yearly/Monthly</td><td>In use</td><td></td></tr>`,
      ),
    ).toBe('resource');
  });
});

describe('tag labels nested and empty, and cells a row lacks', () => {
  const withProduct = (product: string) =>
    `<tr><td class="checkbox-column"></td><td><a>web-1</a></td><td>${product}</td><td>Yearly/Monthly</td><td>In use</td><td></td></tr>`;

  it('takes a label nested in another label once, and keeps the product text a labelled wrapper holds', () => {
    const reading = resourceOf(
      withProduct('<div class="label-wrap">Elastic Cloud Server <span class="tag-group"><span class="tag">Trial</span></span></div>'),
    );
    expect(reading.resource.tags).toEqual(['Trial']);
    expect(reading.resource.productType).toBe('Elastic Cloud Server');
  });

  it('takes no empty label as a tag', () => {
    const reading = resourceOf(withProduct('Elastic Cloud Server <span class="tag-x"></span>'));
    expect(reading.resource.tags).toBeUndefined();
    expect(reading.resource.productType).toBe('Elastic Cloud Server');
  });

  it('leaves out the product type and the name when the row has no such cells', () => {
    const reading = resourceOf('<tr><td class="checkbox-column"></td><td></td><td></td><td>Yearly/Monthly</td><td>In use</td></tr>');
    expect(reading.resource).toEqual({ billingMode: 'Yearly/Monthly', status: 'In use' });
    expect(reading.name).toBe('');
    expect(reading.product).toBe('');
  });

  it('reads a short row as far as it goes, with no field it does not show', () => {
    const reading = resourceOf('<tr><td class="checkbox-column"></td><td><a>web-1</a></td><td>Simple Message Notification</td></tr>');
    expect(reading.resource).toEqual({ productType: 'Simple Message Notification' });
    expect(reading.name).toBe('web-1');
  });
});
