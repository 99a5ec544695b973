// The verdict engine: what a row shows -> blocked / caution / allowed, with the reasons.
// Pure functions, no DOM: the page code, the popup and the CLI all call it.
import type {
  Catalog,
  Confidence,
  EngineSettings,
  Evaluation,
  Evidence,
  EvidenceField,
  Lang,
  ProductName,
  Reason,
  Resource,
  Rule,
  RuleSource,
  RuleVerdict,
  UserRule,
} from './types';
import { PhraseIndex } from './text-match';
import { memoByCatalogAndSettings } from './memo';

export const UNKNOWN_REASON = 'unknown-reason';
export const USER_RULE_PREFIX = 'user/';
export const USER_RULE_SOURCE: RuleSource = { url: '', section: 'Your own rules', edition: '' };
/** An organisation's rules, from the browser's enterprise policy (src/settings/managed-policy.ts). */
export const ORG_RULE_PREFIX = 'org/';
export const ORG_RULE_SOURCE: RuleSource = { url: '', section: 'Set by your organisation', edition: '' };
/** Whether a reason's source is an organisation's rule (sources cross messages as copies, so by value). */
export const isOrgRuleSource = (source: RuleSource): boolean => !source.url && source.section === ORG_RULE_SOURCE.section;

interface NameEntry {
  rule: Rule;
  name: ProductName;
  /** A product the rule does not apply to, such as CSBS for pay-per-use packages. */
  exception: boolean;
}

type PhraseField = 'billingMode' | 'status' | 'tags' | 'reasonText';

export interface CompiledCatalog {
  lang: Lang;
  rules: Map<string, Rule>;
  names: PhraseIndex<NameEntry>;
  phrases: Record<PhraseField, PhraseIndex<Rule>>;
  codes: Map<string, Rule>;
  /** Rules by BSS service type code, lower-case. */
  serviceTypeCodes: Map<string, { rule: Rule; confidence: Confidence }>;
  unknownReason: Rule | undefined;
}

/** Turns user rules (and an organisation's) into catalog rules, so all go through one matcher. */
export function userRulesAsRules(settings: EngineSettings): Rule[] {
  return [
    ...asRules(settings.orgRules ?? [], ORG_RULE_PREFIX, ORG_RULE_SOURCE),
    ...asRules(settings.userRules ?? [], USER_RULE_PREFIX, USER_RULE_SOURCE),
  ];
}

function asRules(rules: readonly UserRule[], prefix: string, source: RuleSource): Rule[] {
  return rules.map((user) => {
    const title = user.names[0] ?? user.id;
    return {
      id: prefix + user.id,
      group: 'service',
      verdict: user.verdict,
      title: { en: title, zh: title },
      explanation: { en: user.explanation, zh: user.explanation },
      source,
      names: user.names.map((text) => ({ text, lang: 'en', kind: 'name', confidence: 'confirmed' })),
    } satisfies Rule;
  });
}

/** The rules in effect: the catalog's and the user's own, without those switched off. */
export function effectiveRules(catalog: Catalog, settings: EngineSettings = {}): Rule[] {
  const disabled = new Set(settings.disabledRules ?? []);
  return [...catalog.rules, ...userRulesAsRules(settings)].filter((rule) => !disabled.has(rule.id));
}

/** Builds the indexes once per catalog and settings; evaluating a row then costs a few look-ups. */
export function compileCatalog(catalog: Catalog, settings: EngineSettings = {}): CompiledCatalog {
  return compileRules(effectiveRules(catalog, settings), settings.lang);
}

/**
 * compileCatalog for rules already in effect. The content script receives them so from the
 * background, and so carries no code for settings.
 */
export function compileRules(rules: readonly Rule[], lang: Lang = 'en'): CompiledCatalog {
  const compiled: CompiledCatalog = {
    lang,
    rules: new Map(rules.map((rule) => [rule.id, rule])),
    names: new PhraseIndex(),
    phrases: { billingMode: new PhraseIndex(), status: new PhraseIndex(), tags: new PhraseIndex(), reasonText: new PhraseIndex() },
    codes: new Map(),
    serviceTypeCodes: new Map(),
    unknownReason: rules.find((rule) => rule.id === UNKNOWN_REASON),
  };
  for (const rule of rules) {
    for (const name of rule.names ?? []) compiled.names.add(name.text, { rule, name, exception: false });
    for (const { code, confidence } of rule.serviceTypeCodes ?? []) compiled.serviceTypeCodes.set(code.toLowerCase(), { rule, confidence });
    const match = rule.match;
    if (!match) continue;
    for (const name of match.exceptProducts ?? []) compiled.names.add(name.text, { rule, name, exception: true });
    for (const field of ['billingMode', 'status', 'tags', 'reasonText'] as const)
      for (const phrase of match[field] ?? []) compiled.phrases[field].add(phrase, rule);
    for (const code of match.codes ?? []) compiled.codes.set(code.toLowerCase(), rule);
  }
  return compiled;
}

// Error codes as the unsubscribe API and the console print them: CBC.99003649, OSM-SP-SeniorBenefitUsed.
// Read after NFKC and in any case, as names are: a copied or retyped code may be lower-case or full-width.
const codePattern = /\b[A-Za-z]{2,}(?:[.-][A-Za-z0-9]+)+\b/g;

// The page's own words come first, then what identifies the product, then the rest.
const fieldOrder: EvidenceField[] = ['reasonText', 'productType', 'status', 'billingMode', 'tags', 'actionDisabled'];

/**
 * What of a resource the evaluation depends on: rows with the same key get the same evaluation.
 * Keep in step with evaluateCompiled (specification, region and expiry are shown, never matched).
 */
export function evaluationKey(resource: Resource): string {
  const { productType, billingMode, status, tags, actionDisabled, reasonText, serviceTypeCode } = resource;
  return JSON.stringify([productType, billingMode, status, tags, actionDisabled, reasonText, serviceTypeCode]);
}

export function evaluateCompiled(resource: Resource, compiled: CompiledCatalog): Evaluation {
  const found = new Map<string, Reason>();
  const excepted = new Set<string>();
  const lang = compiled.lang;

  const addReason = (rule: Rule, verdict: RuleVerdict, evidence: Evidence, note?: string) => {
    const existing = found.get(rule.id);
    if (existing && (existing.verdict === 'blocked' || verdict === 'caution')) return;
    found.set(rule.id, {
      ruleId: rule.id,
      verdict,
      title: rule.title[lang],
      explanation: rule.explanation[lang],
      source: rule.source,
      evidence,
      ...(note ? { note } : {}),
    });
  };

  if (resource.productType) {
    for (const match of compiled.names.find(resource.productType)) {
      const { rule, name, exception } = match.value;
      if (exception) {
        excepted.add(rule.id);
        continue;
      }
      // A renamed or successor product is not the same product: a hint, never a certain block.
      const verdict = name.confidence === 'inferred' ? 'caution' : rule.verdict;
      addReason(rule, verdict, { field: 'productType', text: resource.productType, matched: name.text }, name.note?.[lang]);
    }
  }

  // The API's code names the product when its localized name is one the catalog does not know.
  const code = resource.serviceTypeCode?.trim().toLowerCase();
  const byCode = code ? compiled.serviceTypeCodes.get(code) : undefined;
  if (byCode && !excepted.has(byCode.rule.id) && !found.has(byCode.rule.id))
    addReason(byCode.rule, byCode.confidence === 'inferred' ? 'caution' : byCode.rule.verdict, {
      field: 'productType',
      text: resource.serviceTypeCode!,
      matched: code,
    });

  const fieldMatches = (field: PhraseField, text: string) => {
    for (const match of compiled.phrases[field].find(text)) {
      const rule = match.value;
      // The exception ("excluding cloud server backups") reads the row; the page's own reason overrides it.
      if (excepted.has(rule.id) && field !== 'reasonText') continue;
      // The page listing a reason means the page itself refuses: that is a block whatever the rule says.
      addReason(rule, field === 'reasonText' ? 'blocked' : rule.verdict, { field, text, matched: match.phrase });
    }
  };
  if (resource.billingMode) fieldMatches('billingMode', resource.billingMode);
  if (resource.status) fieldMatches('status', resource.status);
  for (const tag of resource.tags ?? []) fieldMatches('tags', tag);

  const reasonText = resource.reasonText?.trim();
  if (reasonText) {
    for (const code of reasonText.normalize('NFKC').match(codePattern) ?? []) {
      const rule = compiled.codes.get(code.toLowerCase());
      if (rule) addReason(rule, 'blocked', { field: 'reasonText', text: reasonText, matched: code });
    }
    fieldMatches('reasonText', reasonText);
  }

  // A rule that needs another (invoiced needs KooGallery) is only a hint without it,
  // unless the page itself gave the reason.
  for (const reason of [...found.values()]) {
    const rule = compiled.rules.get(reason.ruleId);
    const requires = rule?.match?.requires;
    if (!requires || found.has(requires) || reason.evidence.field === 'reasonText') continue;
    const weaker = rule.match?.withoutRequired;
    if (weaker) reason.verdict = weaker;
    else found.delete(reason.ruleId);
  }

  const unknown = compiled.unknownReason;
  if (unknown && found.size === 0) {
    if (reasonText) addReason(unknown, 'caution', { field: 'reasonText', text: reasonText });
    else if (resource.actionDisabled) addReason(unknown, 'caution', { field: 'actionDisabled', text: 'disabled' });
  }

  const reasons = [...found.values()].sort(
    (a, b) =>
      Number(a.verdict === 'caution') - Number(b.verdict === 'caution') ||
      fieldOrder.indexOf(a.evidence.field) - fieldOrder.indexOf(b.evidence.field),
  );
  const verdict = reasons.some((r) => r.verdict === 'blocked') ? 'blocked' : reasons.length ? 'caution' : 'allowed';
  return { verdict, reasons };
}

const compiledFor = memoByCatalogAndSettings(compileCatalog);

/** evaluate(resource, catalog, settings): compiles the catalog once per (catalog, settings) pair. */
export function evaluate(resource: Resource, catalog: Catalog, settings?: EngineSettings): Evaluation {
  return evaluateCompiled(resource, compiledFor(catalog, settings));
}
