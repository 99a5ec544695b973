// The columns the page code understands, and the header texts (English and Chinese) that name them.
// Columns are found by header text, never by position: the console's column order is not confirmed.

export const columnFields = [
  'resource',
  'productType',
  'specification',
  'region',
  'billingMode',
  'expiry',
  'status',
  'orderNo',
  'enterpriseProject',
  'reason',
  'operation',
] as const;
export type ColumnField = (typeof columnFields)[number];

/** Header texts seen on the console (domain.md section 3), matched whole, case- and space-insensitive. */
export const columnHeaders: Readonly<Record<ColumnField, readonly string[]>> = {
  resource: [
    'Resource Name/ID',
    'Resource Name',
    'Resource ID',
    'Instance Name/ID',
    'Instance Name',
    'Resource',
    '资源名称/ID',
    '资源名称',
    '资源ID',
    '实例名称/ID',
    '实例名称',
    '资源',
  ],
  productType: ['Product Type', 'Product', 'Service Type', 'Cloud Service', '产品类型', '产品', '服务类型', '云服务'],
  specification: ['Product Specifications', 'Specifications', 'Specification', '产品规格', '规格'],
  region: ['Region', '区域'],
  billingMode: ['Billing Mode', 'Billing', '计费模式', '计费方式'],
  expiry: ['Expiration Time', 'Expires', 'Expiration Date', 'Expiry', '到期时间', '过期时间'],
  status: ['Status', 'Resource Status', '状态', '资源状态'],
  orderNo: ['Order No.', 'Order Number', 'Order ID', '订单号', '订单编号'],
  enterpriseProject: ['Enterprise Project', '企业项目'],
  reason: ['Reason', 'Unsubscription Not Allowed Reason', 'Reason for Not Allowing Unsubscription', '原因', '不可退订原因'],
  operation: ['Operation', 'Operations', 'Action', 'Actions', '操作'],
};

/** The header texts that name each column: the user's own (for a relabelled column) before the console's. */
export type HeaderNames = Readonly<Partial<Record<ColumnField, readonly string[]>>>;

export function headerNames(extra: HeaderNames = {}): HeaderNames {
  return Object.fromEntries(columnFields.map((field) => [field, [...(extra[field] ?? []), ...columnHeaders[field]]]));
}
