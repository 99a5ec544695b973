// A Billing Center resource list drawn by OpenTiny NG's real table and pager on Angular 16 (compiled
// in the browser, JIT): the fixed head apart from the body, as OpenTiny's own template has it (the
// body table's <thead> of empty cells sets the widths), a checkbox column, a details icon and a
// detail row, sorting by product type, ti-pagination, and with ?variant=virtual the CDK virtual scroll
// over a long list. Components are declared without decorator syntax (Component(...)(class)), so no
// TypeScript decorator metadata is needed. The page's language is its <html lang>.
import '@angular/compiler';
import 'zone.js';
import { Component, NgModule, enableProdMode } from '@angular/core';
import { BrowserModule } from '@angular/platform-browser';
import { platformBrowserDynamic } from '@angular/platform-browser-dynamic';
import { ScrollingModule } from '@angular/cdk/scrolling';
import { TiTableModule } from '@opentiny/ng-table';
import { TiPaginationModule } from '@opentiny/ng-pagination';
import { TiButtonModule } from '@opentiny/ng-button';
import { headers, libraryResources, unsubscribeLabel, type Lang, type LibraryResource } from './resources';
import { NG_PAGE_SIZE, NG_PAGED_TOTAL, NG_VIRTUAL_TOTAL } from './ng-table-sizes';

const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const virtual = new URLSearchParams(location.search).get('variant') === 'virtual';
const label = headers[lang];
const fields = ['specification', 'region', 'billingMode', 'expiry', 'status', 'orderNo'] as const;

const cells = `
  <td checkbox-column><input type="checkbox" [disabled]="row.disabled"></td>
  ${virtual ? '' : '<td details-icon-column><ti-details-icon [row]="row" [index]="i"></ti-details-icon></td>'}
  <td tiOverflow><a class="ti3-link">{{ row.name }}</a><p class="resource-id">{{ row.id }}</p></td>
  <td tiOverflow>{{ row.productType }}</td>
  ${fields.map((field) => `<td tiOverflow>{{ row.${field} }}</td>`).join('\n  ')}
  <td><button type="button" tiButton [disabled]="row.disabled">{{ unsubscribe }}</button></td>`;

const widthCells = `<th checkbox-column></th>${virtual ? '' : '<th details-icon-column></th>'}${'<th></th>'.repeat(fields.length + 3)}`;

const template = `
<ti-table [(displayedData)]="displayed" [srcData]="srcData" [columns]="columns">
  <div class="ti3-table-fixed-head">
    <table>
      <thead>
        <tr>
          <th checkbox-column><input type="checkbox"></th>
          ${virtual ? '' : '<th details-icon-column></th>'}
          <th tiOverflow>{{ label.resource }}</th>
          <th tiOverflow>{{ label.productType }}<ti-head-sort [sortKey]="'productType'"></ti-head-sort></th>
          ${fields.map((field) => `<th tiOverflow>{{ label.${field} }}</th>`).join('\n          ')}
          <th tiOverflow>{{ label.operation }}</th>
        </tr>
      </thead>
    </table>
  </div>
  <div class="ti3-table-container" ${virtual ? 'itemSize="48" style="max-height: 480px"' : 'style="max-height: 600px"'}>
    <table>
      <thead><tr>${widthCells}</tr></thead>
      <tbody>
        ${
          virtual
            ? `<tr *cdkVirtualFor="let row of displayed; index as i">${cells}</tr>`
            : `<ng-container *ngFor="let row of displayed; index as i">
          <tr>${cells}</tr>
          <tr *tiDetailsTr="row"><td tiColspan><div class="ti3-table-detail-container">{{ label.orderNo }}: {{ row.orderNo }} · {{ row.specification }}</div></td></tr>
        </ng-container>`
        }
        <tr *ngIf="displayed.length === 0" class="ti3-table-nodata"><td tiColspan>{{ noData }}</td></tr>
      </tbody>
    </table>
  </div>
  ${virtual ? '' : '<ti-pagination [(currentPage)]="currentPage" [pageSize]="pageSize" [(totalNumber)]="totalNumber"></ti-pagination>'}
</ti-table>`;

class ResourceListComponent {
  label = label;
  unsubscribe = unsubscribeLabel[lang];
  noData = lang === 'zh' ? '暂无数据' : 'No data';
  displayed: LibraryResource[] = [];
  data = libraryResources(lang, virtual ? NG_VIRTUAL_TOTAL : NG_PAGED_TOTAL);
  srcData = { data: this.data, state: { searched: false, sorted: false, paginated: false } };
  columns = [{ title: '' }, { title: label.resource }, { title: label.productType, sortKey: 'productType' }];
  currentPage = 1;
  totalNumber = this.data.length;
  pageSize = { options: [NG_PAGE_SIZE], size: NG_PAGE_SIZE };
}
Component({ selector: 'resource-list', template })(ResourceListComponent);

class AppModule {}
NgModule({
  imports: [BrowserModule, ScrollingModule, TiTableModule, TiPaginationModule, TiButtonModule],
  declarations: [ResourceListComponent],
  bootstrap: [ResourceListComponent],
})(AppModule);

// As the live console runs it: no ng-reflect attributes, no development checks.
enableProdMode();
platformBrowserDynamic()
  .bootstrapModule(AppModule)
  .catch((error: unknown) => {
    document.body.dataset.bootError = String(error);
  });
