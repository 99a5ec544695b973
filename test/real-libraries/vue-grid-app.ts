// A Billing Center resource list drawn by OpenTiny Vue's real grid, the way a Vue console page uses
// it: header labels from `title`, an Operation column whose Unsubscribe button is TinyButton, a
// selection column, the resource column fixed on the left, sortable columns, a TinyPager under the
// grid, an expand column with a detail row, and, with ?variant=virtual, the grid's own virtual scroll
// over a long list. The page's language is its <html lang>.
import { createApp, defineComponent, h, ref, type Component } from 'vue';
import { headers, libraryResources, unsubscribeLabel, type Lang, type LibraryResource } from './resources';

export interface GridParts {
  Grid: Component;
  GridColumn: Component;
  Pager: Component;
  Button: Component;
}

export const PAGE_SIZE = 8;
export const PAGED_TOTAL = 16;
export const VIRTUAL_TOTAL = 2000;

export function mountGridPage({ Grid, GridColumn, Pager, Button }: GridParts, target: Element): void {
  const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const variant = new URLSearchParams(location.search).get('variant') ?? 'paged';
  const virtual = variant === 'virtual';
  const all = libraryResources(lang, virtual ? VIRTUAL_TOTAL : PAGED_TOTAL);
  const label = headers[lang];

  const App = defineComponent({
    setup() {
      const page = ref(1);
      const rows = ref<LibraryResource[]>(virtual ? all : all.slice(0, PAGE_SIZE));
      const showPage = (current: number) => {
        page.value = current;
        rows.value = all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
      };
      const text = (field: keyof LibraryResource) => ({ field, title: label[field as keyof typeof label] });
      return () => [
        h(
          Grid,
          {
            data: rows.value,
            border: true,
            rowId: 'id',
            height: virtual ? 420 : undefined,
            optimization: virtual ? { scrollY: { gt: 20 } } : undefined,
            'expand-config': { trigger: 'row' },
          },
          {
            default: () => [
              h(GridColumn, { type: 'selection', width: 40 }),
              virtual
                ? null
                : h(
                    GridColumn,
                    { type: 'expand', width: 40 },
                    {
                      default: ({ row }: { row: LibraryResource }) =>
                        h('div', { class: 'resource-detail' }, `${label.orderNo}: ${row.orderNo} · ${row.specification}`),
                    },
                  ),
              h(
                GridColumn,
                { field: 'name', title: label.resource, fixed: virtual ? undefined : 'left', width: 200, sortable: true },
                {
                  default: ({ row }: { row: LibraryResource }) => [
                    h('a', { class: 'resource-name', href: 'javascript:void(0)' }, row.name),
                    h('div', { class: 'resource-id' }, row.id),
                  ],
                },
              ),
              h(GridColumn, { ...text('productType'), sortable: true, width: 200 }),
              h(GridColumn, { ...text('specification'), width: 220 }),
              h(GridColumn, { ...text('region'), width: 120 }),
              h(GridColumn, { ...text('billingMode'), width: 140 }),
              h(GridColumn, { ...text('expiry'), width: 200, sortable: true }),
              h(GridColumn, { ...text('status'), width: 100 }),
              h(GridColumn, { ...text('orderNo'), width: 170 }),
              h(
                GridColumn,
                { title: label.operation, width: 120 },
                {
                  default: ({ row }: { row: LibraryResource }) => h(Button, { type: 'text', disabled: row.disabled }, () => unsubscribeLabel[lang]),
                },
              ),
            ],
          },
        ),
        virtual
          ? null
          : h(Pager, {
              currentPage: page.value,
              pageSize: PAGE_SIZE,
              total: all.length,
              layout: 'total, prev, pager, next',
              onCurrentChange: showPage,
            }),
      ];
    },
  });
  createApp(App).mount(target);
}
