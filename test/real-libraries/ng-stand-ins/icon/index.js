// The ti-icon element and the .ti3-icon attribute component OpenTiny NG's templates use for sort
// arrows and pager arrows: an empty svg of the named icon.
import { Component, NgModule } from '@angular/core';

export class TiIconComponent {}
Component({ selector: 'ti-icon', inputs: ['name'], template: '<svg width="16" height="16" aria-hidden="true"></svg>' })(TiIconComponent);

export class TiIconClassComponent {}
Component({ selector: ':not(ti-icon).ti3-icon', template: '<ng-content></ng-content>' })(TiIconClassComponent);

export class TiSvgComponent {}
Component({ selector: 'ti-svg', inputs: ['name'], template: '' })(TiSvgComponent);

export class TiIconModule {}
NgModule({ declarations: [TiIconComponent, TiIconClassComponent, TiSvgComponent], exports: [TiIconComponent, TiIconClassComponent, TiSvgComponent] })(
  TiIconModule,
);
