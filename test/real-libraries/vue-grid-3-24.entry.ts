// OpenTiny Vue grid 3-24.
import Grid, { GridColumn } from '@opentiny/vue-grid-3-24';
import Pager from '@opentiny/vue-grid-3-24/node_modules/@opentiny/vue-pager';
import Button from '@opentiny/vue-grid-3-24/node_modules/@opentiny/vue-button';
import { mountGridPage } from './vue-grid-app';

mountGridPage({ Grid, GridColumn, Pager, Button }, document.getElementById('app')!);
