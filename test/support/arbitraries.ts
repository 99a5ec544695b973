// Hostile and random Unsubscriptions pages for the property tests: fast-check generators of page
// *models* (plain data, so fast-check can shrink them), a builder that turns a model into DOM with
// createElement/textContent only (markup-looking text stays text), and the reading each well-formed
// row should give, worked out from the model rather than from the page code.
import fc from 'fast-check';
import { columnHeaders, columnFields, type ColumnField } from '../../src/console/columns';
import type { Resource } from '../../src/rules/types';

// ---------------------------------------------------------------------------------------------
// Runs: a fixed seed and few runs in CI; FC_SEED, FC_RUNS and FC_PATH (the replay path fast-check
// prints on failure) override them.

export const propertySeed = Number(process.env.FC_SEED ?? 20261128);

export function propertyParameters(defaultRuns: number): { seed: number; numRuns: number; path?: string } {
  return {
    seed: propertySeed,
    numRuns: Number(process.env.FC_RUNS ?? defaultRuns),
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  };
}

/**
 * Yields to the event loop. Call it once per run: happy-dom caches query results behind WeakRefs,
 * and a WeakRef keeps its target alive until the current task ends, so a synchronous loop of runs
 * keeps every page it built and runs out of memory after a few hundred.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A vitest timeout that grows with FC_RUNS. */
export function propertyTimeout(defaultRuns: number, msPerRun: number): number {
  return 10_000 + Number(process.env.FC_RUNS ?? defaultRuns) * msPerRun;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Markup as *text*: if any of this ever becomes an element, page text went through an HTML parser. */
export const markupTexts = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '</td></tr><tr><td>Expired</td></tr>',
  '<table><tr><th>Product Type</th><th>Status</th></tr></table>',
  '<span class="unsub-lens-badge">Cannot unsubscribe</span>',
  '<b>Status</b>',
  '&lt;b&gt;&amp;&quot;',
  '<!-- Product Type -->',
  "{{constructor.constructor('alert(1)')()}}",
  'javascript:alert(1)',
  '<ti-table class="ti3-table">',
];

/** Right-to-left text, bidi controls. */
export const bidiTexts = ['\u202Eevil\u202C', 'مرحبا بالعالم', 'שלום עולם', '\u200FExpired\u200F', 'abc\u2067def\u2069', '\u061C٣٤٥'];

export const zeroWidthTexts = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];

const spaceTexts = [' ', '  ', '\n', '\t', '\u00A0', '\u3000', '\r\n  '];

/** Words the catalog reacts to, in English and Chinese, and neighbours it must not react to. */
export const vocabulary = {
  products: [
    'Elastic Cloud Server',
    'Simple Message Notification',
    'SMN',
    'Direct Connect',
    '云专线',
    'IDC',
    'Cloud Server Backup Service',
    'Data Warehouse Service',
    'Dedicated Cloud Bare Metal Server',
    'IoT Device Access',
    'Relational Database Service',
    'Object Storage Service',
    '弹性云服务器',
    '消息通知服务',
    'DevCloud',
    'SSL Certificate Manager',
    'KooGallery',
    'Domain Registration',
  ],
  statuses: ['In use', 'Expired', 'Frozen', 'Pending payment', 'Under review', 'Processing', '使用中', '已过期', '已冻结', '待支付', 'Normal'],
  billing: ['Yearly/Monthly', 'Pay-per-use', 'Pay-per-use package', 'One-off', 'Free', '包年/包月', '按需', '资源包', '一次性'],
  tags: ['Trial', 'KooGallery', 'Invoiced', 'Promotion', 'Free', '试用', '云商店', '已开票', 'Auto-renew', '自动续费', 'New'],
  reasons: [
    'CBC.99003649',
    'cbc.99003651',
    'ＣＢＣ.99003656',
    'The invoice has been issued.',
    'Trial cloud service',
    '交易正在进行中',
    'A reason the catalog has never seen',
    'OSM-SP-SeniorBenefitUsed',
    'Effective resource package',
  ],
  regions: ['CN-Hong Kong', 'AP-Singapore', '华北-北京四', 'LA-Sao Paulo1'],
  expiry: ['2026-12-31 23:59:59 GMT+08:00', '2020-01-14', '—'],
  specs: ['s6.large.2 | 2 vCPUs | 4 GiB', '100 GB', 'DC 10 Gbit/s', 'Expired plan'],
};

const allVocabulary = Object.values(vocabulary).flat();

/** Words no rule reacts to, so that rows are often allowed and a change to one cell can be seen. */
export const plainWords = {
  products: ['Elastic Cloud Server', 'Relational Database Service', 'Object Storage Service', '弹性云服务器'],
  statuses: ['In use', '使用中', 'Normal'],
  billing: ['Yearly/Monthly', '包年/包月'],
  tags: ['Auto-renew', '自动续费', 'New'],
};

/** One short piece of hostile text. */
const textPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...allVocabulary) },
  { weight: 2, arbitrary: fc.constantFrom(...markupTexts) },
  { weight: 1, arbitrary: fc.constantFrom(...bidiTexts) },
  { weight: 1, arbitrary: fc.constantFrom(...zeroWidthTexts) },
  { weight: 1, arbitrary: fc.constantFrom(...spaceTexts) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, // lone surrogates and all
);

/**
 * About 100 KB of one repeated piece. Pieces the catalog does not react to: a cell of a repeated
 * catalog phrase is measured on its own (the phrase matcher's cost grows with the number of matches).
 */
const hugeText: fc.Arbitrary<string> = fc
  .constantFrom('x', '<img src=x onerror=alert(1)> ', 'مرحبا ', 'Elastic Cloud Server ', '\u200B', '弹性云服务器 ')
  .map((piece) => piece.repeat(Math.ceil(100_000 / piece.length)));

/** Text for a cell: usually a few pieces glued together, sometimes a 100 KB cell. */
export function cellText(options: { huge?: boolean } = {}): fc.Arbitrary<string> {
  const normal = fc.array(textPiece, { maxLength: 3 }).map((pieces) => pieces.join(''));
  return options.huge === false ? normal : fc.oneof({ weight: 150, arbitrary: normal }, { weight: 1, arbitrary: hugeText });
}

/** Text for a field the catalog reads: mostly its own vocabulary, padded with noise now and then. */
function fieldText(words: readonly string[], options: { huge?: boolean }, plain: readonly string[] = []): fc.Arbitrary<string> {
  const padded = fc
    .tuple(fc.constantFrom(...spaceTexts, ...zeroWidthTexts, ''), fc.constantFrom(...words), fc.constantFrom(...spaceTexts, ''))
    .map(([before, word, after]) => before + word + after);
  return fc.oneof(
    ...(plain.length ? [{ weight: 6, arbitrary: fc.constantFrom(...plain) }] : []),
    { weight: 6, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: padded },
    { weight: 3, arbitrary: cellText(options) },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

/** What a reader sees: runs of white space as one space, none at the ends (as the page code reads it). */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Headers

export interface HeaderModel {
  label: string;
  /** The column the label names (by construction, not by asking the page code), if any. */
  field: ColumnField | undefined;
  span: number;
  /** What else the header cell holds: a sort icon, a tooltip bubble, or the label wrapped in a tip. */
  decor: 'plain' | 'sort' | 'tip' | 'wrapped';
  /** Text of the tooltip bubble or icon. */
  extra: string;
}

const knownHeaderTexts: Array<[ColumnField, string]> = columnFields.flatMap((field) =>
  columnHeaders[field].map((text): [ColumnField, string] => [field, text]),
);

/** Case, spacing and a trailing mark change nothing about which column a header names. */
function vary(text: string, how: 'as-is' | 'upper' | 'lower' | 'spaced' | 'marked'): string {
  switch (how) {
    case 'as-is':
      return text;
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'spaced':
      return `\n  ${text.replace(/ /g, ' \u00A0\t')}  `;
    case 'marked':
      return `${text} *`;
  }
}

const headerVariation = fc.constantFrom('as-is', 'as-is', 'upper', 'lower', 'spaced', 'marked') as fc.Arbitrary<
  'as-is' | 'upper' | 'lower' | 'spaced' | 'marked'
>;
const headerDecor = fc.constantFrom('plain', 'plain', 'sort', 'tip', 'wrapped') as fc.Arbitrary<HeaderModel['decor']>;
/**
 * Text of a header's sort icon or tooltip bubble, with the column it names (when the label is empty
 * the page code falls back to the whole cell text, and then this text is the header).
 */
const headerExtras: ReadonlyArray<[string, ColumnField | undefined]> = [
  ['', undefined],
  ['↑', undefined],
  ['Sort ascending', undefined],
  ['Click to filter by <b>status</b>', undefined],
  ['<img src=x onerror=alert(1)>', undefined],
  ['Product Type', 'productType'],
  ['Status', 'status'],
  ['状态', 'status'],
];
const headerExtra = fc.constantFrom(...headerExtras.map(([text]) => text));

export function knownHeader(fields: readonly ColumnField[] = columnFields): fc.Arbitrary<HeaderModel> {
  const texts = knownHeaderTexts.filter(([field]) => fields.includes(field));
  return fc
    .record({
      pair: fc.constantFrom(...texts),
      how: headerVariation,
      span: fc.constantFrom(1, 1, 1, 1, 2),
      decor: headerDecor,
      extra: headerExtra,
    })
    .map(({ pair: [field, text], how, span, decor, extra }) => ({ label: vary(text, how), field, span, decor, extra }));
}

/**
 * Labels that name no column. Random ones come from an alphabet no header text starts with
 * (digits, symbols, RTL letters, Hangul), so the model knows they are unknown without asking.
 */
const unknownLabels = [
  'Created',
  'Tags',
  'Remarks',
  '备注',
  '创建时间',
  'Auto-Renew',
  '自动续费',
  'Price',
  'Name',
  'ID',
  'Service Name',
  'State',
  '',
  '  ',
  // Markup as text; not '<!-- Product Type -->', whose letters do spell a header.
  ...markupTexts.filter((text) => !text.startsWith('<!--')),
];
const unknownAlphabet = fc.constantFrom(...'0123456789-_/()[]<>&;:.#→★😀שמ한글 \u200B\u00A0'.split(/(?:)/u));

export const unknownHeader: fc.Arbitrary<HeaderModel> = fc
  .record({
    label: fc.oneof(fc.constantFrom(...unknownLabels), fc.string({ unit: unknownAlphabet, maxLength: 12 })),
    span: fc.constantFrom(1, 1, 1, 2, 3),
    decor: headerDecor,
    extra: headerExtra,
  })
  .map((header) => ({ ...header, field: undefined }));

/** Header rows: random known and unknown headers, usually with what makes a resource table. */
export const headersArb: fc.Arbitrary<HeaderModel[]> = fc
  .record({
    base: fc.array(fc.oneof({ weight: 3, arbitrary: knownHeader() }, { weight: 2, arbitrary: unknownHeader }), { maxLength: 6 }),
    ensure: fc.option(fc.tuple(knownHeader(['productType']), knownHeader(['status', 'billingMode', 'resource']), fc.nat(), fc.nat()), {
      freq: 6,
      nil: undefined,
    }),
  })
  .map(({ base, ensure }) => {
    const headers = [...base];
    if (ensure) {
      const [product, other, at1, at2] = ensure;
      headers.splice(at1 % (headers.length + 1), 0, product);
      headers.splice(at2 % (headers.length + 1), 0, other);
    }
    return headers;
  });

// ---------------------------------------------------------------------------------------------
// Rows

export type TagKind = 'ti-tag' | 'ti3-label' | 'tiny-tag';
export interface TagModel {
  text: string;
  kind: TagKind;
}

/** A label like those beside a product or resource name (all of them in the page code's strict list). */
const tagArb: fc.Arbitrary<TagModel> = fc.record({
  text: fieldText(vocabulary.tags, { huge: false }, plainWords.tags),
  kind: fc.constantFrom('ti-tag', 'ti3-label', 'tiny-tag'),
});

/** Usually no tags at all. */
const tagsArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as TagModel[]) },
  { weight: 2, arbitrary: fc.array(tagArb, { minLength: 1, maxLength: 2 }) },
);

export interface ActionModel {
  label: string;
  element: 'a' | 'button' | 'ti-button' | 'span';
  disabled: 'no' | 'attribute' | 'aria' | 'class' | 'parent';
  title: string | undefined;
  tooltip: string | undefined;
}

/** Action labels, and whether each is the row's unsubscribe action (decided here, by hand). */
export const actionLabels: ReadonlyArray<[string, boolean]> = [
  ['Unsubscribe', true],
  ['Unsubscribe from Resource', true],
  ['UNSUBSCRIBE', true],
  ['\n  Unsubscribe  ', true],
  ['退订', true],
  ['退订资源', true],
  ['Renew', false],
  ['续费', false],
  ['Details', false],
  ['Unsubscribe now', false],
  ['Unsub', false],
];

const actionArb: fc.Arbitrary<ActionModel> = fc.record({
  label: fc.constantFrom(...actionLabels.map(([label]) => label)),
  element: fc.constantFrom('a', 'button', 'ti-button', 'span') as fc.Arbitrary<ActionModel['element']>,
  disabled: fc.constantFrom('no', 'no', 'attribute', 'aria', 'class', 'parent') as fc.Arbitrary<ActionModel['disabled']>,
  title: fc.option(fieldText(vocabulary.reasons, { huge: false }), { nil: undefined, freq: 2 }),
  tooltip: fc.option(fieldText(vocabulary.reasons, { huge: false }), { nil: undefined, freq: 2 }),
});

export interface NestedTableModel {
  layout: 'native' | 'aria' | 'tiny-split';
  headers: string[];
  rows: string[][];
}

/** A small table inside a cell, often one that looks like a resource table of its own. */
const nestedTableArb: fc.Arbitrary<NestedTableModel> = fc.record({
  layout: fc.constantFrom('native', 'aria', 'tiny-split') as fc.Arbitrary<NestedTableModel['layout']>,
  headers: fc.constantFrom(['Product Type', 'Status'], ['产品类型', '计费模式'], ['Item', 'Value']),
  rows: fc.array(fc.tuple(fieldText(vocabulary.products, { huge: false }), fieldText(vocabulary.statuses, { huge: false })), {
    minLength: 1,
    maxLength: 2,
  }),
});

/**
 * Class names of inner markup the console may put in any cell (an icon, an ellipsis, the placeholder
 * of an empty value): none of them says anything about the row as a whole.
 */
export const innerClasses = ['ti3-overflow-text', 'ti3-icon ti3-icon-info', 'cell-text-empty', 'ti3-text-ellipsis'] as const;

export interface FillerModel {
  text: string;
  /** Inner markup: the text inside a link, or beside a span with one of innerClasses. */
  inner: 'none' | 'link' | (typeof innerClasses)[number];
  nested: NestedTableModel | undefined;
}

function fillerArb(options: { huge?: boolean; nested?: boolean }): fc.Arbitrary<FillerModel> {
  return fc.record({
    text: cellText(options),
    inner: fc.constantFrom('none', 'none', 'link', ...innerClasses) as fc.Arbitrary<FillerModel['inner']>,
    nested: options.nested === false ? fc.constant(undefined) : fc.option(nestedTableArb, { freq: 6, nil: undefined }),
  });
}

export interface DataRowModel {
  kind: 'data';
  name: string;
  nameTags: TagModel[];
  product: string;
  productTags: TagModel[];
  billingMode: string;
  status: string;
  specification: string;
  region: string;
  expiry: string;
  reason: string;
  actions: ActionModel[];
  /** Cells under unknown, duplicate and unread columns, used in turn. */
  filler: FillerModel[];
  rowClass: string | undefined;
}

export type RowModel =
  | DataRowModel
  | { kind: 'detail'; text: string; nested: NestedTableModel | undefined }
  | { kind: 'nodata'; text: string; marked: boolean }
  | { kind: 'group'; text: string }
  | { kind: 'ragged'; cells: RaggedCellModel[]; rowClass: string | undefined };

export interface RaggedCellModel {
  text: string;
  colspan: string | undefined;
  rowspan: string | undefined;
  header: boolean;
  checkbox: boolean;
  nested: NestedTableModel | undefined;
}

export interface RowOptions {
  /** Allow 100 KB cells. */
  huge?: boolean;
  /** Allow tables nested in cells. */
  nested?: boolean;
  /** Allow rows that are not well formed (cell counts and spans that do not match the header). */
  ragged?: boolean;
}

export function dataRowArb(options: RowOptions = {}): fc.Arbitrary<DataRowModel> {
  return fc.record({
    kind: fc.constant('data' as const),
    name: fc.oneof(fieldText(vocabulary.products, options), fieldText(vocabulary.statuses, options)),
    nameTags: tagsArb,
    product: fieldText(vocabulary.products, options, plainWords.products),
    productTags: tagsArb,
    billingMode: fieldText(vocabulary.billing, options, plainWords.billing),
    status: fieldText(vocabulary.statuses, options, plainWords.statuses),
    specification: fieldText(vocabulary.specs, options),
    region: fieldText(vocabulary.regions, options),
    expiry: fieldText(vocabulary.expiry, options),
    reason: fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fieldText(vocabulary.reasons, options) }),
    actions: fc.array(actionArb, { maxLength: 2 }),
    filler: fc.array(fillerArb(options), { maxLength: 3 }),
    rowClass: fc.constantFrom(undefined, undefined, 'ti3-selected-tr', 'ti3-disabled-tr', 'odd', 'ti3-table-row'),
  });
}

const raggedCellArb = (options: RowOptions): fc.Arbitrary<RaggedCellModel> =>
  fc.record({
    text: cellText(options),
    colspan: fc.constantFrom(undefined, undefined, '2', '3', '0', '-1', 'abc', '99999999'),
    rowspan: fc.constantFrom(undefined, undefined, '2', '0'),
    header: fc.boolean(),
    checkbox: fc.constantFrom(false, false, false, true),
    nested: options.nested === false ? fc.constant(undefined) : fc.option(nestedTableArb, { freq: 8, nil: undefined }),
  });

export function rowArb(options: RowOptions = {}): fc.Arbitrary<RowModel> {
  const kinds: Array<fc.WeightedArbitrary<RowModel>> = [
    { weight: 8, arbitrary: dataRowArb(options) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('detail' as const),
        text: cellText(options),
        nested: options.nested === false ? fc.constant(undefined) : fc.option(nestedTableArb, { freq: 2, nil: undefined }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('nodata' as const),
        text: fc.constantFrom('No data', '暂无数据', 'No records', 'NO DATA AVAILABLE'),
        marked: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('group' as const), text: cellText(options) }) },
  ];
  if (options.ragged !== false)
    kinds.push({
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('ragged' as const),
        cells: fc.array(raggedCellArb(options), { maxLength: 9 }),
        rowClass: fc.constantFrom(undefined, 'ti3-selected-tr', 'ti3-disabled-tr'),
      }),
    });
  return fc.oneof(...kinds);
}

// ---------------------------------------------------------------------------------------------
// Tables and pages

export type Layout = 'native' | 'native-th-row' | 'component' | 'tiny-split' | 'tiny-vue' | 'aria';

export interface TableModel {
  layout: Layout;
  checkbox: boolean;
  headers: HeaderModel[];
  rows: RowModel[];
  /** <table role="grid">: still a native table. */
  gridRole: boolean;
  /** With no rows, the body table has no <tbody> at all (an *ngIf around it). */
  bareWhenEmpty: boolean;
}

export const layoutArb = fc.constantFrom('native', 'native-th-row', 'component', 'tiny-split', 'tiny-vue', 'aria') as fc.Arbitrary<Layout>;

export function tableArb(options: RowOptions & { minRows?: number; maxRows?: number } = {}): fc.Arbitrary<TableModel> {
  return fc.record({
    layout: layoutArb,
    checkbox: fc.boolean(),
    headers: headersArb,
    rows: fc.array(rowArb(options), { minLength: options.minRows ?? 0, maxLength: options.maxRows ?? 6 }),
    gridRole: fc.constantFrom(false, false, true),
    bareWhenEmpty: fc.boolean(),
  });
}

/**
 * A resource table that names every column a verdict reads (in a random order, among unknown
 * headers) and holds only well-formed rows: where a small edit to a cell or an attribute shows.
 */
export function fullTableArb(options: RowOptions & { minRows?: number; maxRows?: number } = {}): fc.Arbitrary<TableModel> {
  const needed: ColumnField[] = ['resource', 'productType', 'billingMode', 'status', 'reason', 'operation'];
  return fc.record({
    layout: layoutArb,
    checkbox: fc.boolean(),
    headers: fc
      .tuple(fc.tuple(...needed.map((field) => knownHeader([field]))), fc.array(unknownHeader, { maxLength: 2 }))
      .chain(([known, unknown]) => fc.shuffledSubarray([...known, ...unknown], { minLength: known.length + unknown.length })),
    rows: fc.array(dataRowArb(options), { minLength: options.minRows ?? 1, maxLength: options.maxRows ?? 4 }),
    gridRole: fc.boolean(),
    bareWhenEmpty: fc.constant(false),
  });
}

export type UnrelatedModel = { kind: 'text'; text: string } | { kind: 'list'; items: string[] } | { kind: 'form'; value: string };

export const unrelatedArb: fc.Arbitrary<UnrelatedModel> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: cellText({ huge: false }) }),
  fc.record({ kind: fc.constant('list' as const), items: fc.array(cellText({ huge: false }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('form' as const), value: cellText({ huge: false }) }),
);

export interface PageModel {
  blocks: Array<{ table: TableModel; wrappers: number } | { unrelated: UnrelatedModel }>;
}

export function pageArb(options: RowOptions & { maxTables?: number; minRows?: number; maxRows?: number } = {}): fc.Arbitrary<PageModel> {
  return fc.record({
    blocks: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.record({ table: tableArb(options), wrappers: fc.nat({ max: 2 }) }) },
        { weight: 1, arbitrary: fc.record({ unrelated: unrelatedArb }) },
      ),
      { minLength: 1, maxLength: options.maxTables ?? 3 },
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// What the headers mean (worked out from the model)

export interface Position {
  start: number;
  span: number;
  checkbox: boolean;
  header: HeaderModel | undefined;
  /** Set on the first header that names a column: the one whose cells are read. */
  reads: ColumnField | undefined;
}

export interface TableShape {
  positions: Position[];
  width: number;
  columns: Partial<Record<ColumnField, { index: number; header: string }>>;
  recognized: boolean;
}

/** The text a header cell shows once sort icons and tooltip bubbles are left out. */
export function shownHeader(header: HeaderModel): string {
  if (header.decor === 'tip' || header.decor === 'sort') return collapse(header.label) || collapse(header.label + header.extra);
  return collapse(header.label);
}

/** The column a header cell names: its label's, or its icon's or bubble's text when the label is empty. */
export function headerField(header: HeaderModel): ColumnField | undefined {
  if (collapse(header.label)) return header.field;
  if (header.decor === 'tip' || header.decor === 'sort') return headerExtras.find(([text]) => text === header.extra)?.[1];
  return undefined;
}

function spanIn(layout: Layout, header: HeaderModel): number {
  return layout === 'aria' ? 1 : header.span;
}

export function tableShape(model: TableModel): TableShape {
  const positions: Position[] = [];
  const columns: TableShape['columns'] = {};
  let start = 0;
  if (model.checkbox) positions.push({ start: start++, span: 1, checkbox: true, header: undefined, reads: undefined });
  for (const header of model.headers) {
    const span = spanIn(model.layout, header);
    const field = headerField(header);
    const reads = field && !columns[field] ? field : undefined;
    if (reads) columns[reads] = { index: start, header: shownHeader(header) };
    positions.push({ start, span, checkbox: false, header, reads });
    start += span;
  }
  const recognized = Boolean(columns.productType && (columns.billingMode || columns.status || columns.resource));
  return { positions, width: start, columns, recognized };
}

// ---------------------------------------------------------------------------------------------
// The reading a well-formed data row should give (worked out from the model)

function isUnsubscribeLabel(label: string): boolean {
  return actionLabels.find(([text]) => text === label)?.[1] ?? false;
}

export function expectedResource(shape: TableShape, row: DataRowModel): Resource {
  const has = (field: ColumnField) => Boolean(shape.columns[field]);
  const resource: Resource = {};
  if (has('productType') && collapse(row.product)) resource.productType = collapse(row.product);
  const plain: Array<[keyof Resource & ColumnField, string]> = [
    ['billingMode', row.billingMode],
    ['status', row.status],
    ['specification', row.specification],
    ['region', row.region],
    ['expiry', row.expiry],
  ];
  for (const [field, text] of plain) if (has(field) && collapse(text)) (resource as Record<string, string>)[field] = collapse(text);
  const tags = [...(has('productType') ? row.productTags : []), ...(has('resource') ? row.nameTags : [])]
    .map((tag) => collapse(tag.text))
    .filter(Boolean);
  if (tags.length) resource.tags = tags;

  const action = has('operation') ? row.actions.find((candidate) => isUnsubscribeLabel(candidate.label)) : undefined;
  const actionDisabled = action ? action.disabled !== 'no' : row.rowClass === 'ti3-disabled-tr';
  if (actionDisabled) resource.actionDisabled = true;
  const actionReason = action && action.disabled !== 'no' ? (action.title ?? action.tooltip) : undefined;
  const reasonText = (has('reason') ? collapse(row.reason) : '') || actionReason;
  if (reasonText) resource.reasonText = reasonText;
  return resource;
}

/** The rows the page code must skip, and those it must read; undefined where the model does not say. */
export function expectedKind(shape: TableShape, row: RowModel): 'resource' | 'skip' | undefined {
  switch (row.kind) {
    case 'data':
      return 'resource';
    case 'detail':
      return 'skip';
    case 'nodata':
      return row.marked || shape.width > 2 ? 'skip' : undefined;
    case 'group':
      return shape.width > 2 ? 'skip' : undefined;
    case 'ragged':
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Building the DOM: createElement and textContent only

export interface BuiltTable {
  model: TableModel;
  shape: TableShape;
  root: Element;
  /** The <table> or grid that holds the data rows. */
  bodyHost: Element;
  /** <tbody> or the body rowgroup; undefined when the body table has none. */
  body: Element | undefined;
  /** The elements of model.rows, in order. */
  rows: Element[];
}

/** Builds pages and remembers every element it made: anything else in the page came from elsewhere. */
export class PageBuilder {
  readonly created = new WeakSet<Element>();
  /** Header rows that sit among the data rows (native tables without <thead>). */
  readonly headerRows = new WeakSet<Element>();
  private next = 0;

  constructor(readonly doc: Document) {}

  el(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Array<Node | string>): HTMLElement {
    const element = this.doc.createElement(tag);
    this.created.add(element);
    element.setAttribute('data-tid', String(this.next++));
    for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
    element.append(...children.map((child) => (typeof child === 'string' ? this.doc.createTextNode(child) : child)));
    return element;
  }

  page(model: PageModel, into: Element): BuiltTable[] {
    const tables: BuiltTable[] = [];
    for (const block of model.blocks) {
      if ('table' in block) {
        const built = this.table(block.table);
        let outer: Element = built.root;
        for (let i = 0; i < block.wrappers; i++) outer = this.el('div', { class: `wrapper-${i}` }, outer);
        into.append(outer);
        tables.push(built);
      } else into.append(this.unrelated(block.unrelated));
    }
    return tables;
  }

  unrelated(model: UnrelatedModel): HTMLElement {
    switch (model.kind) {
      case 'text':
        return this.el('p', { class: 'notice' }, model.text);
      case 'list':
        return this.el('ul', { class: 'menu' }, ...model.items.map((item) => this.el('li', {}, item)));
      case 'form': {
        const input = this.el('input', { type: 'text', value: model.value });
        return this.el('form', { class: 'search' }, this.el('label', {}, 'Search ', input));
      }
    }
  }

  table(model: TableModel): BuiltTable {
    const shape = tableShape(model);
    const aria = model.layout === 'aria';
    const headerCells = shape.positions.map((position) => this.headerCell(model, position));
    const rows = model.rows.map((row) => this.row(model, shape, row));

    if (aria) {
      const body = this.el('div', { role: 'rowgroup' }, ...rows);
      const root = this.el(
        'div',
        { role: 'grid', class: 'resource-grid' },
        this.el('div', { role: 'rowgroup' }, this.el('div', { role: 'row' }, ...headerCells)),
        body,
      );
      return { model, shape, root, bodyHost: root, body, rows };
    }
    const headRow = this.el('tr', {}, ...headerCells);
    const bare = model.bareWhenEmpty && rows.length === 0;
    const body = bare ? undefined : this.el('tbody', {}, ...rows);
    const role = model.gridRole ? 'grid' : undefined;
    switch (model.layout) {
      case 'native': {
        const root = this.el('table', { role }, this.el('thead', {}, headRow), ...(body ? [body] : []));
        return { model, shape, root, bodyHost: root, body, rows };
      }
      case 'native-th-row': {
        this.headerRows.add(headRow);
        const tbody = this.el('tbody', {}, headRow, ...rows);
        const root = this.el('table', { role }, tbody);
        return { model, shape, root, bodyHost: root, body: tbody, rows };
      }
      case 'component':
      case 'tiny-vue': {
        const table = this.el('table', { role }, this.el('thead', {}, headRow), ...(body ? [body] : []));
        const root =
          model.layout === 'component'
            ? this.el('ti-table', { class: 'ti3-table' }, this.el('div', { class: 'ti3-table-wrapper' }, table))
            : this.el('div', { class: 'tiny-table' }, this.el('div', { class: 'tiny-table__body-wrapper' }, table));
        return { model, shape, root, bodyHost: table, body, rows };
      }
      case 'tiny-split': {
        const bodyTable = this.el('table', { role }, ...(body ? [body] : []));
        const root = this.el(
          'ti-table',
          { class: 'ti3-table' },
          this.el('div', { class: 'ti3-table-fixed-head' }, this.el('table', {}, this.el('thead', {}, headRow))),
          this.el('div', { class: 'ti3-table-container' }, bodyTable),
        );
        return { model, shape, root, bodyHost: bodyTable, body, rows };
      }
    }
    throw new Error(`no builder for layout ${model.layout}`);
  }

  /** A fresh body (<tbody> or rowgroup) holding `rows`; a native table without <thead> keeps its header row first. */
  body(built: BuiltTable, rows: RowModel[]): HTMLElement {
    const elements = rows.map((row) => this.row(built.model, built.shape, row));
    if (built.model.layout === 'aria') return this.el('div', { role: 'rowgroup' }, ...elements);
    if (built.model.layout === 'native-th-row') {
      const headRow = this.el('tr', {}, ...built.shape.positions.map((position) => this.headerCell(built.model, position)));
      this.headerRows.add(headRow);
      return this.el('tbody', {}, headRow, ...elements);
    }
    return this.el('tbody', {}, ...elements);
  }

  private cellTag(model: TableModel | NestedTableModel, header: boolean): [string, Record<string, string>] {
    if (model.layout === 'aria') return ['div', { role: header ? 'columnheader' : 'gridcell' }];
    return [header ? 'th' : 'td', {}];
  }

  private headerCell(model: TableModel, position: Position): HTMLElement {
    const [tag, attributes] = this.cellTag(model, true);
    if (position.checkbox) return this.el(tag, { ...attributes, class: 'checkbox-column' }, this.el('input', { type: 'checkbox' }));
    const header = position.header!;
    const colspan = model.layout !== 'aria' && header.span !== 1 ? String(header.span) : undefined;
    const cell = this.el(tag, { ...attributes, colspan });
    switch (header.decor) {
      case 'plain':
        cell.append(header.label);
        break;
      case 'sort':
        cell.append(this.el('span', {}, header.label), this.el('span', { class: 'ti3-sort-icon' }, header.extra));
        break;
      case 'tip':
        cell.append(this.el('span', {}, header.label), this.el('span', { class: 'ti3-tip', role: 'tooltip' }, header.extra));
        break;
      case 'wrapped':
        cell.append(this.el('span', { class: 'ti3-tooltip-host' }, header.label));
        break;
    }
    return cell;
  }

  row(model: TableModel, shape: TableShape, row: RowModel): HTMLElement {
    const aria = model.layout === 'aria';
    const rowTag = aria ? 'div' : 'tr';
    const rowRole = aria ? 'row' : undefined;
    const [cellTag, cellAttributes] = this.cellTag(model, false);
    const cell = (attributes: Record<string, string | undefined>, ...children: Array<Node | string>) =>
      this.el(cellTag, { ...cellAttributes, ...attributes }, ...children);
    const across = (text: string, ...children: Node[]) => cell({ colspan: aria ? undefined : String(Math.max(shape.width, 1)) }, text, ...children);

    switch (row.kind) {
      case 'detail':
        return this.el(rowTag, { role: rowRole, class: 'ti3-details-tr' }, across(row.text, ...(row.nested ? [this.nested(row.nested)] : [])));
      case 'nodata':
        return this.el(rowTag, { role: rowRole, class: row.marked ? 'ti3-table-nodata' : undefined }, across(row.text));
      case 'group':
        return this.el(rowTag, { role: rowRole, class: 'group-row' }, across(row.text));
      case 'ragged':
        return this.el(
          rowTag,
          { role: rowRole, class: row.rowClass },
          ...row.cells.map((spec) => {
            // In a grid a header-like cell is a row header: a column header there would make a header row.
            const [tag, attributes] = aria ? ['div', { role: spec.header ? 'rowheader' : 'gridcell' }] : [spec.header ? 'th' : 'td', {}];
            return this.el(
              tag,
              { ...attributes, colspan: spec.colspan, rowspan: spec.rowspan, class: spec.checkbox ? 'checkbox-column' : undefined },
              spec.text,
              ...(spec.nested ? [this.nested(spec.nested)] : []),
            );
          }),
        );
      case 'data': {
        const cells: HTMLElement[] = [];
        let filler = 0;
        const nextFiller = () => this.filler(cell, row.filler.length ? row.filler[filler++ % row.filler.length]! : undefined);
        for (const position of shape.positions) {
          if (position.checkbox) {
            cells.push(cell({ class: 'checkbox-column' }, this.el('input', { type: 'checkbox' })));
            continue;
          }
          for (let k = 0; k < position.span; k++)
            cells.push(k === 0 && position.reads ? (this.fieldCell(cell, position.reads, row) ?? nextFiller()) : nextFiller());
        }
        return this.el(rowTag, { role: rowRole, class: row.rowClass }, ...cells);
      }
    }
  }

  private tag(tag: TagModel): HTMLElement {
    // OpenTiny NG's tag: the label in a section of its own.
    if (tag.kind === 'ti-tag')
      return this.el('ti-tag', { class: 'ti3-multiselect-box-cell' }, this.el('section', { class: 'ti3-box-cell-key' }, tag.text));
    return this.el('span', { class: tag.kind }, tag.text);
  }

  private fieldCell(
    cell: (attributes: Record<string, string | undefined>, ...children: Array<Node | string>) => HTMLElement,
    field: ColumnField,
    row: DataRowModel,
  ): HTMLElement | undefined {
    const withTags = (tags: TagModel[]) => tags.flatMap((tag) => [' ', this.tag(tag)]);
    switch (field) {
      case 'resource':
        return cell({}, this.el('a', { href: '#/resource' }, row.name), ...withTags(row.nameTags));
      case 'productType':
        return cell({}, row.product, ...withTags(row.productTags));
      case 'billingMode':
      case 'status':
      case 'specification':
      case 'region':
      case 'expiry':
      case 'reason':
        return cell({}, row[field]);
      case 'operation':
        return cell({}, ...row.actions.flatMap((action) => [this.action(action), ' ']));
      case 'orderNo':
      case 'enterpriseProject':
        return undefined;
    }
  }

  private action(action: ActionModel): HTMLElement {
    const attributes: Record<string, string | undefined> = {
      title: action.title,
      'data-tooltip': action.tooltip,
      role: action.element === 'span' ? 'button' : undefined,
      href: action.element === 'a' ? '#/unsubscribe' : undefined,
      disabled: action.disabled === 'attribute' ? '' : undefined,
      'aria-disabled': action.disabled === 'aria' ? 'true' : undefined,
      class: action.disabled === 'class' ? 'ti3-btn-disabled' : undefined,
    };
    const element = this.el(action.element, attributes, action.label);
    return action.disabled === 'parent' ? this.el('span', { 'aria-disabled': 'true' }, element) : element;
  }

  private filler(
    cell: (attributes: Record<string, string | undefined>, ...children: Array<Node | string>) => HTMLElement,
    model: FillerModel | undefined,
  ): HTMLElement {
    if (!model) return cell({});
    const content: Array<Node | string> =
      model.inner === 'none'
        ? [model.text]
        : model.inner === 'link'
          ? [this.el('a', { href: '#/x' }, model.text)]
          : [this.el('span', { class: model.inner }, '--'), model.text];
    return cell({}, ...content, ...(model.nested ? [this.nested(model.nested)] : []));
  }

  /** A small table inside a cell. */
  nested(model: NestedTableModel): HTMLElement {
    const [headTag, headAttributes] = this.cellTag(model, true);
    const [cellTag, cellAttributes] = this.cellTag(model, false);
    const rowTag = model.layout === 'aria' ? 'div' : 'tr';
    const rowAttributes = model.layout === 'aria' ? { role: 'row' } : {};
    const head = this.el(rowTag, rowAttributes, ...model.headers.map((text) => this.el(headTag, headAttributes, text)));
    const rows = model.rows.map((cells) => this.el(rowTag, rowAttributes, ...cells.map((text) => this.el(cellTag, cellAttributes, text))));
    switch (model.layout) {
      case 'aria':
        return this.el('div', { role: 'grid' }, head, ...rows);
      case 'native':
        return this.el('table', {}, this.el('thead', {}, head), this.el('tbody', {}, ...rows));
      case 'tiny-split':
        return this.el(
          'ti-table',
          { class: 'ti3-table' },
          this.el('div', { class: 'ti3-table-fixed-head' }, this.el('table', {}, this.el('thead', {}, head))),
          this.el('div', { class: 'ti3-table-container' }, this.el('table', {}, this.el('tbody', {}, ...rows))),
        );
    }
  }
}

/** The body of a built table as it is now: its <tbody>, or the grid's second rowgroup. */
export function currentBody(built: BuiltTable): Element | undefined {
  if (built.model.layout === 'aria') return built.root.children[1];
  return [...built.bodyHost.children].find((child) => child.tagName === 'TBODY');
}

/** The data rows of a built table as they are now (not header rows sitting in the body). */
export function currentRows(builder: PageBuilder, built: BuiltTable): Element[] {
  const body = currentBody(built);
  return body ? [...body.children].filter((row) => !builder.headerRows.has(row)) : [];
}

// ---------------------------------------------------------------------------------------------
// Checks on the page

/**
 * Elements under `root` the builder did not make, other than the extension's badge hosts (which
 * hold nothing in the light DOM). Any such element means text became markup somewhere.
 */
export function foreignElements(builder: PageBuilder, root: Element): string[] {
  return (
    [...root.querySelectorAll('*')]
      .filter((element) => !builder.created.has(element))
      .filter((element) => !(element.classList.contains('unsub-lens-badge') && element.shadowRoot && element.childNodes.length === 0))
      // The summary bar: a host with nothing in the page's DOM but its shadow root.
      .filter((element) => !(element.hasAttribute('data-unsub-lens-bar') && element.shadowRoot && element.childNodes.length === 0))
      .map((element) => element.outerHTML.slice(0, 120))
  );
}

/** The page as the console made it: a copy without the extension's badges and attributes. */
export function withoutOwnMarks(root: Element): Element {
  const copy = root.cloneNode(true) as Element;
  for (const badge of copy.querySelectorAll('.unsub-lens-badge, [data-unsub-lens-bar]')) badge.remove();
  for (const element of copy.querySelectorAll('[data-unsub-lens-hidden]')) element.removeAttribute('data-unsub-lens-hidden');
  for (const element of copy.querySelectorAll('.unsub-lens-filtered')) {
    element.classList.remove('unsub-lens-filtered');
    if (!element.classList.length) element.removeAttribute('class');
  }
  for (const element of copy.querySelectorAll('[data-unsub-lens], [data-unsub-lens-rules]')) {
    element.removeAttribute('data-unsub-lens');
    element.removeAttribute('data-unsub-lens-rules');
  }
  return copy;
}
