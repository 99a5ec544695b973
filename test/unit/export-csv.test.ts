// The page summary exported as CSV (for Excel) and as a text report (for the clipboard).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summaryCsv } from '../../src/popup/export-csv';
import { localTime } from '../../src/formats/local-time';
import { csvCell } from '../../src/formats/csv';
import { exportFileName } from '../../src/ui/download';
import { summaryReport } from '../../src/popup/export-report';
import { loadTranslator, type Translate } from '../../src/i18n/messages';
import type { PageSummary, RowSummary } from '../../src/messaging/protocol';

let en: Translate;
let zh: Translate;
const at = new Date(2026, 11, 2, 16, 50);
const exported = localTime(at);
beforeAll(async () => {
  en = await loadTranslator('en');
  zh = await loadTranslator('zh');
});

const summary: PageSummary = {
  url: 'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement',
  lang: 'en',
  counts: { blocked: 2, elsewhere: 0, caution: 1, allowed: 1 },
  rows: [
    {
      index: 0,
      resource: 'smn-topic-01',
      product: 'Simple Message Notification',
      verdict: 'blocked',
      rules: ['service/simple-message-notification'],
      mainReason: 'Simple Message Notification',
      key: 'k',
    },
    {
      index: 1,
      resource: '=HYPERLINK("http://evil.example","click")',
      product: 'Direct Connect, "full"',
      verdict: 'blocked',
      rules: ['service/direct-connect', 'expired'],
      mainReason: 'Direct Connect',
      key: 'k',
    },
    {
      index: 2,
      resource: '云专线-二号\nline two',
      product: '云搜索服务',
      verdict: 'caution',
      rules: ['service/elasticsearch-service'],
      mainReason: 'Elasticsearch 服务',
      key: 'k',
    },
    { index: 3, resource: 'ecs-web', product: 'Elastic Cloud Server', verdict: 'allowed', rules: [], mainReason: '', key: 'k' },
  ],
  diagnostics: {
    tables: 1,
    columns: { resource: 'Resource Name/ID', productType: 'Product Type', status: 'Status' },
    missingColumns: ['billingMode'],
    otherHeaders: [],
    rowsRead: 4,
    rowsSkipped: 1,
    skippedReasons: { 'detail row': 1 },
    errors: [],
  },
};

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('smn-topic-01')).toBe('smn-topic-01');
    expect(csvCell(12)).toBe('12');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR'])('puts an apostrophe before a cell a spreadsheet would run as a formula: %j', (value) => {
    const cell = csvCell(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell;
    expect(unquoted.startsWith(`'${value[0]}`)).toBe(true);
  });

  it('does not touch a cell with a formula sign further in', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('ecs-web')).toBe('ecs-web');
  });
});

describe('summaryCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = summaryCsv(summary, en);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every line break outside a quoted cell is CRLF: 1 header + 4 rows.
    const outside = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.match(/\r\n/g)).toHaveLength(5);
    expect(outside).not.toMatch(/[^\r]\n/);
  });

  it('has a header in the UI language and one line per row, the reasons in words and the rule ids last', () => {
    const lines = summaryCsv(summary, en, at).slice(1).split('\r\n');
    expect(lines[0]).toBe('Row,Resource,Product type,Verdict,Reasons,Exported (local time),Rules');
    expect(lines[1]).toBe(
      `1,smn-topic-01,Simple Message Notification,Cannot unsubscribe,Simple Message Notification,${exported},service/simple-message-notification`,
    );
    expect(summaryCsv(summary, zh, at).slice(1).split('\r\n')[0]).toBe('行,资源,产品类型,结论,原因,导出时间（本地时间）,规则');
  });

  it("carries whichever of the page's columns the rows show: ID, order, region, billing, expiry, status, project", () => {
    const detailed: PageSummary = {
      ...summary,
      rows: [
        {
          ...summary.rows[0]!,
          details: {
            resourceId: 'cc3b6bbf-277b-454c-a729-5662b5bd3c27',
            orderNo: 'CS2409121530HCCKM',
            region: 'AP-Singapore',
            billingMode: 'Yearly/Monthly',
            expiry: 'Nov 30, 2025 23:59:59 GMT+08:00',
            status: 'In use',
            enterpriseProject: 'default',
          },
          reasons: ['Simple Message Notification', 'Expired'],
        },
        { ...summary.rows[3]!, details: { region: 'CN-Hong Kong' } },
      ],
    };
    const [header, first, second] = parseCsv(summaryCsv(detailed, en, at).slice(1));
    expect(header).toEqual([
      'Row',
      'Resource',
      'Resource ID',
      'Product type',
      'Order No.',
      'Region',
      'Billing mode',
      'Expiration time',
      'Status',
      'Enterprise project',
      'Verdict',
      'Reasons',
      'Exported (local time)',
      'Rules',
    ]);
    expect(first).toEqual([
      '1',
      'smn-topic-01',
      'cc3b6bbf-277b-454c-a729-5662b5bd3c27',
      'Simple Message Notification',
      'CS2409121530HCCKM',
      'AP-Singapore',
      'Yearly/Monthly',
      'Nov 30, 2025 23:59:59 GMT+08:00',
      'In use',
      'default',
      'Cannot unsubscribe',
      'Simple Message Notification; Expired',
      exported,
      'service/simple-message-notification',
    ]);
    expect(second!.slice(0, 6)).toEqual(['4', 'ecs-web', '', 'Elastic Cloud Server', '', 'CN-Hong Kong']);
  });

  it('neutralises a formula in a resource name and quotes commas and quotes', () => {
    const csv = summaryCsv(summary, en, at);
    expect(csv).toContain(
      `2,"'=HYPERLINK(""http://evil.example"",""click"")","Direct Connect, ""full""",Cannot unsubscribe,Direct Connect,${exported},service/direct-connect; expired`,
    );
  });

  it('keeps Chinese text and a line break inside a quoted cell', () => {
    expect(summaryCsv(summary, zh, at)).toContain(
      `3,"云专线-二号\nline two",云搜索服务,请核实,Elasticsearch 服务,${exported},service/elasticsearch-service`,
    );
  });
});

/** Reads CSV as RFC 4180 (and Excel) do: quoted cells may hold commas, quotes doubled, line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('summaryCsv read back as a spreadsheet would', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', '云', '😀', '\u200B') });
  const row = fc.record({
    resource: text,
    product: text,
    mainReason: text,
    verdict: fc.constantFrom('blocked', 'caution', 'allowed') as fc.Arbitrary<RowSummary['verdict']>,
  });

  it('gives back every cell as it was, a formula only ever as text', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const rowSummaries: RowSummary[] = rows.map((r, index) => ({ ...r, index, rules: ['trial', 'expired'], key: `k${index}` }));
        const csv = summaryCsv({ ...summary, rows: rowSummaries }, en, at);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const parsed = parseCsv(csv.slice(1));
        expect(parsed).toHaveLength(rows.length + 1);
        const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
        const label = { blocked: 'Cannot unsubscribe', elsewhere: 'Not here', caution: 'Check', allowed: 'No rule' };
        rowSummaries.forEach((r, i) =>
          expect(parsed[i + 1]).toEqual([
            String(i + 1),
            asText(r.resource),
            asText(r.product),
            label[r.verdict],
            r.mainReason ? asText(r.mainReason) : '',
            exported,
            'trial; expired',
          ]),
        );
        for (const cells of parsed) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('summaryReport', () => {
  it('lists the counts, the blocked and check rows with their reasons, and the diagnostics', () => {
    const report = summaryReport(summary, en, new Date('2026-05-30T08:00:00Z'));
    expect(report).toContain('Page: https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement');
    expect(report).toContain('Cannot unsubscribe: 2 · Not here: 0 · Check: 1 · No rule: 1');
    expect(report).toContain('  1. smn-topic-01 (Simple Message Notification) - Simple Message Notification');
    expect(report).toContain('Check:\n  3. 云专线-二号 line two (云搜索服务) - Elasticsearch 服务');
    expect(report).not.toContain('ecs-web');
    expect(report).toContain('Columns recognized: Resource name/ID = "Resource Name/ID", Product type = "Product Type", Status = "Status"');
    expect(report).toContain('Columns not found: Billing mode');
    expect(report).toContain('4 read, 1 skipped (detail row: 1)');
    expect(report).toContain('Errors: none');
  });

  it('speaks Chinese when the UI does', () => {
    const report = summaryReport(summary, zh);
    expect(report).toContain('不可退订: 2 · 不在此退订: 0 · 请核实: 1 · 无规则: 1');
    expect(report).toContain('未找到的列: 计费模式');
    expect(report).toContain('读取 4 行，跳过 1 行 (详情行: 1)');
  });
});

describe('exportFileName', () => {
  it('dates the file so exports sort', () => {
    expect(exportFileName('csv', new Date(2026, 4, 3))).toBe('unsub-lens-2026-05-03.csv');
  });
});

describe("the time in the user's own zone", () => {
  it('says the date, the hour and the offset from UTC', () => {
    expect(localTime(new Date(2026, 11, 2, 9, 5))).toMatch(/^2026-12-02 09:05 \(UTC[+-]\d{2}:\d{2}\)$/);
  });
});

describe('the report of a detailed row', () => {
  it('lists every reason and what else the page shows, labelled, and the local time', () => {
    const detailed: PageSummary = {
      ...summary,
      rows: [
        {
          ...summary.rows[0]!,
          details: { resourceId: 'cc3b6bbf', orderNo: 'CS2409121530HCCKM', region: 'AP-Singapore' },
          reasons: ['Simple Message Notification', 'Expired'],
        },
      ],
    };
    const report = summaryReport(detailed, en, at);
    expect(report).toContain(
      '  1. smn-topic-01 (Simple Message Notification) - Simple Message Notification; Expired [Resource ID: cc3b6bbf, Order No.: CS2409121530HCCKM, Region: AP-Singapore]',
    );
    expect(report).toContain(exported);
  });
});
