// OpenTiny Vue's table 3.31: text-only cells, no Operation column (it cannot hold a button).
import { createApp, h } from 'vue';
import Table from '@opentiny/vue-table';
import { headers, libraryResources, type Lang } from './resources';

const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const empty = new URLSearchParams(location.search).get('variant') === 'empty';
const label = headers[lang];
const fields = ['productType', 'specification', 'region', 'billingMode', 'expiry', 'status', 'orderNo'] as const;
const columns = [{ field: 'name', title: label.resource }, ...fields.map((field) => ({ field, title: label[field] }))];
const data = empty ? [] : libraryResources(lang, 8);

createApp({ render: () => h(Table, { columns, data, keys: 'id' }) }).mount(document.getElementById('app')!);
