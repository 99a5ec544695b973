// Property tests of reading the page (findResourceTables, readRow, scanDocument) on random and
// hostile pages: header sets in any order and language, unknown and duplicate headers, cells of
// unicode, RTL, zero-width and markup-looking text, 100 KB cells, nested tables, spans, odd rows.
//
// A fixed seed and few runs keep CI fast. Run longer with
//   FC_RUNS=2000 npx vitest run test/unit/property-scan
// and replay a failure with the seed and path fast-check prints:
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/property-scan
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { scanDocument } from '../../src/page/scan';
import { findResourceTables } from '../../src/page/find-tables';
import { headerNames } from '../../src/console/columns';
import { compileCatalog, evaluate } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';
import type { ColumnField } from '../../src/console/columns';
import {
  PageBuilder,
  dataRowArb,
  expectedKind,
  expectedResource,
  foreignElements,
  nextTask,
  headersArb,
  pageArb,
  propertyParameters,
  propertyTimeout,
  shownHeader,
  type BuiltTable,
  type DataRowModel,
  type Layout,
  type TableModel,
} from '../support/arbitraries';

const compiled = compileCatalog(catalog, { lang: 'en' });
const settings = { lang: 'en' as const };

const layoutRead: Record<Layout, string> = {
  native: 'native',
  'native-th-row': 'native',
  component: 'component',
  'tiny-vue': 'component',
  'tiny-split': 'tiny-split',
  aria: 'aria',
};

function build(page: Parameters<PageBuilder['page']>[0]) {
  document.body.replaceChildren();
  const builder = new PageBuilder(document);
  const tables = builder.page(page, document.body);
  return { builder, tables };
}

function verdictOf(resource: Parameters<typeof evaluate>[0]) {
  const evaluation = evaluate(resource, catalog, settings);
  return { verdict: evaluation.verdict, rules: evaluation.reasons.map((reason) => reason.ruleId) };
}

describe('reading random and hostile pages', () => {
  beforeEach(() => document.body.replaceChildren());

  it(
    'never throws or records an error, changes nothing in the page, and never turns text into markup',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageArb(), async (page) => {
          await nextTask();
          const { builder } = build(page);
          const before = document.body.outerHTML;
          const result = scanDocument(document, compiled);
          expect(result.diagnostics.errors).toEqual([]);
          expect(document.body.outerHTML).toBe(before);
          expect(foreignElements(builder, document.body)).toEqual([]);
        }),
        propertyParameters(80),
      );
    },
    propertyTimeout(80, 100),
  );

  it(
    'finds exactly the tables whose headers name a product type and a billing mode, status or resource, each column where its first header is',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageArb({ huge: false }), async (page) => {
          await nextTask();
          const { tables } = build(page);
          const found = findResourceTables(document, { headers: headerNames() });
          const expected = tables.filter((table) => table.shape.recognized);
          expect(found.map((table) => table.root)).toEqual(expected.map((table) => table.root));
          found.forEach((table, i) => {
            const model = expected[i]!;
            expect(table.layout).toBe(layoutRead[model.model.layout]);
            expect(table.columns).toEqual(model.shape.columns);
            expect(table.width).toBe(model.shape.width);
            const unused = model.shape.positions.filter((p) => p.header && !p.reads && shownHeader(p.header)).map((p) => shownHeader(p.header!));
            expect(table.unrecognizedHeaders).toEqual(unused);
          });
        }),
        propertyParameters(150),
      );
    },
    propertyTimeout(150, 50),
  );

  it(
    'reads every well-formed row as what its cells show, skips detail, no-data and group rows, and reads nothing else',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageArb(), async (page) => {
          await nextTask();
          const { tables } = build(page);
          const result = scanDocument(document, compiled);
          const byElement = new Map(result.rows.map((row) => [row.element, row]));
          const modelled = new Set<Element>();
          for (const table of tables) {
            table.model.rows.forEach((row, i) => {
              const element = table.rows[i]!;
              modelled.add(element);
              const scanned = byElement.get(element);
              if (!table.shape.recognized) return expect(scanned, 'a row of a table that is not a resource table').toBeUndefined();
              const kind = expectedKind(table.shape, row);
              if (kind === 'skip') expect(scanned, `a ${row.kind} row`).toBeUndefined();
              if (kind !== 'resource') return;
              expect(scanned, 'a data row').toBeDefined();
              const resource = expectedResource(table.shape, row as DataRowModel);
              expect(scanned!.resource).toEqual(resource);
              expect({ verdict: scanned!.evaluation.verdict, rules: scanned!.evaluation.reasons.map((r) => r.ruleId) }).toEqual(verdictOf(resource));
            });
          }
          // Rows of nested tables, header rows and rows of other tables are never resources.
          expect(result.rows.filter((row) => !modelled.has(row.element)).map((row) => row.element.outerHTML.slice(0, 200))).toEqual([]);
        }),
        propertyParameters(150),
      );
    },
    propertyTimeout(150, 80),
  );

  it(
    'reads a row under a cell spanning rows (rowspan) as showing that cell',
    async () => {
      const spanLayout = fc.constantFrom('native', 'component', 'tiny-split', 'tiny-vue') as fc.Arbitrary<Layout>;
      const arb = fc
        .record({
          layout: spanLayout,
          checkbox: fc.boolean(),
          headers: headersArb,
          rows: fc.array(dataRowArb({ huge: false, nested: false }), { minLength: 2, maxLength: 4 }),
          at: fc.nat(),
          column: fc.nat(),
        })
        .map(({ at, column, ...table }) => ({ table: { ...table, gridRole: false, bareWhenEmpty: false } satisfies TableModel, at, column }));
      await fc.assert(
        fc.asyncProperty(arb, async ({ table, at, column }) => {
          await nextTask();
          document.body.replaceChildren();
          const builder = new PageBuilder(document);
          const built: BuiltTable = builder.table(table);
          document.body.append(built.root);
          const spannable = built.shape.positions.filter((p) => !p.checkbox && p.span === 1);
          fc.pre(built.shape.recognized && spannable.length > 0);
          const position = spannable[column % spannable.length]!;
          const top = at % (table.rows.length - 1);
          const [upper, lower] = [built.rows[top]!, built.rows[top + 1]!];
          upper.children[position.start]!.setAttribute('rowspan', '2');
          lower.children[position.start]!.remove();

          // What the lower row shows: its own cells, and the upper row's cell in the spanned column.
          const shows: DataRowModel = { ...(table.rows[top + 1] as DataRowModel) };
          const from = table.rows[top] as DataRowModel;
          const copy: Partial<Record<ColumnField, Array<keyof DataRowModel>>> = {
            resource: ['name', 'nameTags'],
            productType: ['product', 'productTags'],
            billingMode: ['billingMode'],
            status: ['status'],
            specification: ['specification'],
            region: ['region'],
            expiry: ['expiry'],
            reason: ['reason'],
            operation: ['actions'],
          };
          for (const key of (position.reads && copy[position.reads]) || []) Object.assign(shows, { [key]: from[key] });

          const result = scanDocument(document, compiled);
          const scanned = result.rows.find((row) => row.element === lower);
          expect(scanned, 'the row under the spanning cell is read').toBeDefined();
          expect(scanned!.resource).toEqual(expectedResource(built.shape, shows));
        }),
        propertyParameters(100),
      );
    },
    propertyTimeout(100, 50),
  );
});
