// Types of the rule catalog and of the engine's input and output.
// Plain TypeScript: the content script imports these, so nothing here may pull in zod.

import type { Lang } from '../i18n/languages';

export type { Lang };
export type Localized = Record<Lang, string>;

/**
 * What a rule says about a resource it matches, strongest first: it cannot be unsubscribed; not on
 * this page, but elsewhere (the rule says where); it may not be, check.
 */
export const ruleVerdicts = ['blocked', 'elsewhere', 'caution'] as const;
export type RuleVerdict = (typeof ruleVerdicts)[number];
/** What a user's (or an organisation's) own rule may say: "elsewhere" needs a where, which they do not write. */
export const userRuleVerdicts = ['blocked', 'caution'] as const;
export type UserRuleVerdict = (typeof userRuleVerdicts)[number];
/** What a row comes to: a rule's verdict, or allowed when no rule applies. */
export const verdicts = [...ruleVerdicts, 'allowed'] as const;
export type Verdict = (typeof verdicts)[number];
/** A count of zero for each verdict. */
export const noCounts = (): Record<Verdict, number> => ({ blocked: 0, elsewhere: 0, caution: 0, allowed: 0 });

/** Groups follow the source document, so the options page can list rules as it does; the catalog lists its rules in this order. */
export const ruleGroups = [
  'condition', // the bulleted conditions
  'other-reason', // "Unsubscription not supported for other reasons" 1) to 5)
  'not-listed', // things the page never shows
  'service', // Table 1
  'revision', // added by the later revision of the list
  'page', // what the page itself shows (a disabled action, a reason text)
] as const;
export type RuleGroup = (typeof ruleGroups)[number];

/** A rule id: kebab-case, optionally under a prefix ("trial", "service/dedicated-cloud", "user/my-host"). */
export const ruleIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/;

export interface RuleSource {
  url: string;
  /** Where in the source the rule comes from, e.g. "Table 1" or "Conditions". */
  section: string;
  /** The edition of the source, YYYY-MM-DD. */
  edition: string;
}

export const nameKinds = ['name', 'abbreviation', 'alias'] as const;
export type NameKind = (typeof nameKinds)[number];
export const confidences = ['confirmed', 'inferred'] as const;
export type Confidence = (typeof confidences)[number];

/** One way a product can be named on the page. */
export interface ProductName {
  text: string;
  lang: Lang;
  kind: NameKind;
  confidence: Confidence;
  /** Why an inferred name is only a hint, shown with the "check" verdict. */
  note?: Localized;
}

/**
 * A rule whose status depends on something the row may show (Direct Connect: self-service or
 * full-service): when one of `phrases` is in the row's product type, specification or tags, this
 * verdict and explanation replace the rule's ("allowed": the rule does not apply to it).
 */
export interface RuleVariant {
  phrases: string[];
  verdict: RuleVerdict | 'allowed';
  explanation: Localized;
  where?: Localized;
}

/** Phrases that, found in a row's field, make a condition rule match. */
export interface ConditionMatch {
  billingMode?: string[];
  status?: string[];
  tags?: string[];
  /** Phrases of a reason text the page prints ("Unsubscription Not Allowed"). */
  reasonText?: string[];
  /** Error codes such as CBC.99003649 found in the page's reason text. */
  codes?: string[];
  /** Products the rule does not apply to (the source's "excluding ..."). */
  exceptProducts?: ProductName[];
  /** The rule applies only when another rule also matched (e.g. invoiced + KooGallery). */
  requires?: string;
  /** Verdict when matched but `requires` did not: a weaker hint instead of nothing. */
  withoutRequired?: RuleVerdict;
}

/** A BSS API service type code (`hws.service.type.workplace`), for the audit of API resource lists. */
export interface ServiceTypeCode {
  code: string;
  confidence: Confidence;
  /** The document that gives the code. */
  source: string;
}

export interface Rule {
  id: string;
  group: RuleGroup;
  verdict: RuleVerdict;
  title: Localized;
  explanation: Localized;
  /** For "elsewhere": where it can be unsubscribed instead. */
  where?: Localized;
  source: RuleSource;
  /** Product names, for Table 1 services and the revision's services. */
  names?: ProductName[];
  /** BSS service type codes of the product; only the audit reads them (the page shows names). */
  serviceTypeCodes?: ServiceTypeCode[];
  match?: ConditionMatch;
  variants?: RuleVariant[];
  /** Extra words the look-up should find the rule by ("coupon", "发票"). */
  keywords?: string[];
  /** True when the page can never show this condition: the user has to check it by hand. */
  manualCheck?: boolean;
}

export interface Catalog {
  edition: string;
  rules: Rule[];
  /** Answers the look-up gives that are not verdicts: refunds and fees, five-day unsubscription. */
  topics?: Topic[];
}

/** A question users ask that no rule answers ("refund", "五天无理由"): facts, each with its source. */
export interface Topic {
  id: string;
  title: Localized;
  points: { text: Localized; source: RuleSource }[];
  keywords: string[];
}

/** What one row of the Unsubscriptions page shows, as read by the page code. */
export interface Resource {
  productType?: string;
  billingMode?: string;
  status?: string;
  specification?: string;
  region?: string;
  expiry?: string;
  /** Tag words shown with the product ("Trial", "KooGallery"). */
  tags?: string[];
  /** The row's own unsubscribe action is present but disabled. */
  actionDisabled?: boolean;
  /** A reason text the page prints for the row. */
  reasonText?: string;
  /** The BSS API's service type code; the audit has it, the page never shows it. */
  serviceTypeCode?: string;
}

/** What the rules read of a row as evidence; region and expiry are shown, never matched; the specification only chooses a rule's variant; a service type code is evidence of the product type. */
export type EvidenceField = Exclude<keyof Resource, 'specification' | 'region' | 'expiry' | 'serviceTypeCode'>;

export interface Evidence {
  field: EvidenceField;
  /** The text the row shows in that field. */
  text: string;
  /** The catalog phrase that matched it. */
  matched?: string;
}

export interface Reason {
  ruleId: string;
  verdict: RuleVerdict;
  title: string;
  explanation: string;
  source: RuleSource;
  evidence: Evidence;
  /** Set when the match is an inferred name: why it is only a "check". */
  note?: string;
  /** For "elsewhere": where it can be unsubscribed instead. */
  where?: string;
}

export interface Evaluation {
  verdict: Verdict;
  reasons: Reason[];
  /** What the page itself says of an allowed row (the five-day tab): facts, not a verdict. */
  notes?: PageNote[];
}

/** Facts about a row from where it is shown, each with its source, in the reader's language. */
export interface PageNote {
  title: string;
  points: { text: string; source: RuleSource }[];
}

/** A service entry the user adds in the options page. */
export interface UserRule {
  id: string;
  names: string[];
  verdict: UserRuleVerdict;
  explanation: string;
}

/** The part of the settings the engine reads. */
export interface EngineSettings {
  disabledRules?: readonly string[];
  userRules?: readonly UserRule[];
  /** An organisation's rules, from the browser's policy. */
  orgRules?: readonly UserRule[];
  lang?: Lang;
}
