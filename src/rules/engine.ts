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
import { ruleVerdicts } from './types';
import { PhraseIndex } from './text-match';
import { memoByCatalogAndSettings } from './memo';
import { explanationAt, pageReasonWords } from './verdict-explanation';
import { reasonWords, type ReasonWords } from './reason-words';
import { localSource } from './local-source';

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
  /** The words of reasons the engine writes itself, in `lang`. */
  words: ReasonWords;
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
  const lang = settings.lang ?? 'en';
  return compileRules(effectiveRules(catalog, settings), lang, reasonWords[lang]);
}

/**
 * compileCatalog for rules already in effect. The content script receives them so from the
 * background, and so carries no code for settings.
 */
export function compileRules(rules: readonly Rule[], lang: Lang, words: ReasonWords): CompiledCatalog {
  const compiled: CompiledCatalog = {
    lang,
    words,
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

/** Strongest first: blocked, then elsewhere, then caution (ruleVerdicts' order). */
const strength = (verdict: RuleVerdict): number => ruleVerdicts.indexOf(verdict);

/** The page refused: a block, or "not here" for a rule that says where else. */
const pageRefusal = (rule: Rule): RuleVerdict => (rule.verdict === 'elsewhere' ? 'elsewhere' : 'blocked');

/**
 * A rule whose status depends on what the row shows (Direct Connect: self-service or full-service)
 * takes the variant whose phrase the row's product type, specification or tags contain.
 */
function applyVariants(found: Map<string, Reason>, resource: Resource, compiled: CompiledCatalog): void {
  for (const reason of [...found.values()]) {
    const variants = compiled.rules.get(reason.ruleId)?.variants;
    if (!variants || reason.evidence.field === 'reasonText') continue;
    const shown = [resource.productType, resource.specification, ...(resource.tags ?? [])].join(' ').normalize('NFKC').toLowerCase();
    const variant = variants.find((candidate) => candidate.phrases.some((phrase) => shown.includes(phrase.toLowerCase())));
    if (!variant) continue;
    if (variant.verdict === 'allowed') {
      found.delete(reason.ruleId);
      continue;
    }
    const lang = compiled.lang;
    const where = variant.verdict === 'elsewhere' ? variant.where?.[lang] : undefined;
    // An inferred name stays a check whatever the variant says, and its text says "if".
    const unsure = reason.verdict === 'caution' && Boolean(reason.note);
    if (!unsure) reason.verdict = variant.verdict;
    const stated = { verdict: variant.verdict, explanation: variant.explanation[lang], ...(where ? { where } : {}) };
    reason.explanation = explanationAt(compiled.rules.get(reason.ruleId)!, reason.verdict, lang, compiled.words, stated);
    if (where && !unsure) reason.where = where;
    else delete reason.where;
  }
}

// Error codes as the unsubscribe API and the console print them: CBC.99003649, OSM-SP-SeniorBenefitUsed.
// Read after NFKC and in any case, as names are: a copied or retyped code may be lower-case or full-width.
const codePattern = /\b[A-Za-z]{2,}(?:[.-][A-Za-z0-9]+)+\b/g;

// The page's own words come first, then what identifies the product, then the rest.
const fieldOrder: EvidenceField[] = ['reasonText', 'productType', 'status', 'billingMode', 'tags', 'actionDisabled'];

/**
 * What of a resource the evaluation depends on: rows with the same key get the same evaluation.
 * Keep in step with evaluateCompiled (region and expiry are shown, never matched; the specification
 * only chooses a rule's variant).
 */
export function evaluationKey(resource: Resource): string {
  const { productType, billingMode, status, tags, actionDisabled, reasonText, serviceTypeCode, specification } = resource;
  return JSON.stringify([productType, billingMode, status, tags, actionDisabled, reasonText, serviceTypeCode, specification]);
}

export function evaluateCompiled(resource: Resource, compiled: CompiledCatalog): Evaluation {
  const found = new Map<string, Reason>();
  const excepted = new Set<string>();
  const lang = compiled.lang;

  const addReason = (rule: Rule, verdict: RuleVerdict, evidence: Evidence, note?: string) => {
    const existing = found.get(rule.id);
    if (existing && strength(existing.verdict) <= strength(verdict)) return;
    const where = verdict === 'elsewhere' ? rule.where?.[lang] : undefined;
    found.set(rule.id, {
      ruleId: rule.id,
      verdict,
      title: rule.title[lang],
      explanation: explanationAt(rule, verdict, lang, compiled.words),
      source: localSource(rule.source, compiled.words),
      evidence,
      ...(note ? { note } : {}),
      ...(where ? { where } : {}),
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
      // The page listing a reason means the page itself refuses: a block, unless the rule says where else it can be done.
      addReason(rule, field === 'reasonText' ? pageRefusal(rule) : rule.verdict, { field, text, matched: match.phrase });
    }
  };
  if (resource.billingMode) fieldMatches('billingMode', resource.billingMode);
  if (resource.status) fieldMatches('status', resource.status);
  for (const tag of resource.tags ?? []) fieldMatches('tags', tag);

  const reasonText = resource.reasonText?.trim();
  if (reasonText) {
    for (const code of reasonText.normalize('NFKC').match(codePattern) ?? []) {
      const rule = compiled.codes.get(code.toLowerCase());
      if (rule) addReason(rule, pageRefusal(rule), { field: 'reasonText', text: reasonText, matched: code });
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
    if (weaker) {
      reason.verdict = weaker;
      reason.explanation = explanationAt(rule, weaker, compiled.lang, compiled.words);
    } else found.delete(reason.ruleId);
  }

  // Before the fallback: a variant that lifts a rule (a self-service connection) leaves a disabled action unexplained.
  applyVariants(found, resource, compiled);

  const unknown = compiled.unknownReason;
  if (unknown && found.size === 0) {
    if (reasonText) {
      addReason(unknown, 'caution', { field: 'reasonText', text: reasonText });
      // Titled with the reason the page gives: "reason not shown" would contradict the row.
      Object.assign(found.get(unknown.id)!, pageReasonWords(reasonText, compiled.words));
    } else if (resource.actionDisabled) addReason(unknown, 'caution', { field: 'actionDisabled', text: 'disabled' });
  }

  const reasons = [...found.values()].sort(
    (a, b) => strength(a.verdict) - strength(b.verdict) || fieldOrder.indexOf(a.evidence.field) - fieldOrder.indexOf(b.evidence.field),
  );
  return { verdict: reasons[0]?.verdict ?? 'allowed', reasons };
}

const compiledFor = memoByCatalogAndSettings(compileCatalog);

/** evaluate(resource, catalog, settings): compiles the catalog once per (catalog, settings) pair. */
export function evaluate(resource: Resource, catalog: Catalog, settings?: EngineSettings): Evaluation {
  return evaluateCompiled(resource, compiledFor(catalog, settings));
}
