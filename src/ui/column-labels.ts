// The name of each page column in the UI language (diagnostics in the popup, header names in options).
import type { ColumnField } from '../console/columns';
import type { MessageKey } from '../i18n/messages';

export const columnLabelKey: Readonly<Record<ColumnField, MessageKey>> = {
  resource: 'columnResource',
  productType: 'columnProductType',
  specification: 'columnSpecification',
  region: 'columnRegion',
  billingMode: 'columnBillingMode',
  expiry: 'columnExpiry',
  status: 'columnStatus',
  orderNo: 'columnOrderNo',
  enterpriseProject: 'columnEnterpriseProject',
  reason: 'columnReason',
  operation: 'columnOperation',
};
