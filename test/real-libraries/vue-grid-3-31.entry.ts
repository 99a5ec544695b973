// OpenTiny Vue grid 3-31.
import Grid, { GridColumn } from '@opentiny/vue-grid';
import Pager from '@opentiny/vue-pager';
import Button from '@opentiny/vue-button';
import { mountGridPage } from './vue-grid-app';

mountGridPage({ Grid, GridColumn, Pager, Button }, document.getElementById('app')!);
