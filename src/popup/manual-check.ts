// The choices of the by-hand check, and the resource they describe. Each choice's label is also the
// text given to the engine, in the UI language, just as the page would print it; a unit test checks
// that every label, in both languages, is matched by the rule it stands for.
import type { Resource } from '../rules/types';
import type { MessageKey, Translate } from '../i18n/messages';

export const billingModeChoices: readonly MessageKey[] = [
  'billingYearlyMonthly',
  'billingPayPerUse',
  'billingPackage',
  'billingOneOff',
  'billingFree',
];

export const statusChoices: readonly MessageKey[] = ['statusInUse', 'statusExpired', 'statusFrozen', 'statusPendingPayment', 'statusUnderReview'];

export const tagChoices: readonly MessageKey[] = [
  'tagTrial',
  'tagDevCloud',
  'tagResourcePackage',
  'tagFree',
  'tagKooGallery',
  'tagInvoiced',
  'tagPromotion',
];

export interface ManualCheckInput {
  productType: string;
  billingMode?: MessageKey;
  status?: MessageKey;
  tags: readonly MessageKey[];
}

export function manualCheckResource(input: ManualCheckInput, t: Translate): Resource {
  const resource: Resource = {};
  const productType = input.productType.trim();
  if (productType) resource.productType = productType;
  if (input.billingMode) resource.billingMode = t(input.billingMode);
  if (input.status) resource.status = t(input.status);
  if (input.tags.length) resource.tags = input.tags.map((tag) => t(tag));
  return resource;
}

export function isEmptyCheck(input: ManualCheckInput): boolean {
  return !input.productType.trim() && !input.billingMode && !input.status && !input.tags.length;
}
