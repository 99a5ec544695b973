// The searchbox's "no results" element, which the table's filter drop-downs place.
import { Component, NgModule } from '@angular/core';

export class TiSearchboxNotsearchComponent {}
Component({ selector: 'ti-searchbox-notsearch', template: '<ng-content></ng-content>' })(TiSearchboxNotsearchComponent);

export class TiSearchboxComponent {}
Component({ selector: 'ti-searchbox', template: '<input type="text" class="ti3-searchbox-input">' })(TiSearchboxComponent);

export class TiSearchboxModule {}
NgModule({ declarations: [TiSearchboxNotsearchComponent, TiSearchboxComponent], exports: [TiSearchboxNotsearchComponent, TiSearchboxComponent] })(
  TiSearchboxModule,
);
