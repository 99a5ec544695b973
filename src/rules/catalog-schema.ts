// The catalog's schema: run by the tests and by the build (wxt.config.ts), never by the content
// script, which ships the data already checked and so does not bundle zod.
import { z } from 'zod';
import { confidences, nameKinds, ruleGroups, ruleIdPattern, ruleVerdicts, type Catalog } from './types';
import { langs } from '../i18n/languages';

z.config({ jitless: true }); // zod 4 probes `new Function` otherwise, which the MV3 CSP reports

const text = z.string().trim().min(1);
const localized = z.strictObject({ en: text, zh: text });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const verdict = z.enum(ruleVerdicts);

export const productNameSchema = z.strictObject({
  text,
  lang: z.enum(langs),
  kind: z.enum(nameKinds),
  confidence: z.enum(confidences),
  note: localized.optional(),
});

const phrases = z.array(text).min(1);
const source = z.strictObject({ url: z.url({ protocol: /^https$/ }), section: text, edition: isoDate });

export const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'topic ids are kebab-case'),
  title: localized,
  points: z.array(z.strictObject({ text: localized, source })).min(1),
  keywords: phrases,
});

// The order of the keys here is the order the catalog writes them in (catalog-format.test.ts).
export const ruleSchema = z
  .strictObject({
    id: z.string().regex(ruleIdPattern, 'ids are kebab-case, optionally prefixed "service/"'),
    group: z.enum(ruleGroups),
    verdict,
    manualCheck: z.boolean().optional(),
    title: localized,
    explanation: localized,
    where: localized.optional(),
    source,
    names: z.array(productNameSchema).min(1).optional(),
    serviceTypeCodes: z
      .array(
        z.strictObject({
          code: z.string().regex(/^hws\.service\.type\.[a-z0-9_.-]+$/, 'a service type code reads hws.service.type.<name>'),
          confidence: z.enum(confidences),
          source: z.url({ protocol: /^https$/ }),
        }),
      )
      .min(1)
      .optional(),
    match: z
      .strictObject({
        billingMode: phrases.optional(),
        status: phrases.optional(),
        tags: phrases.optional(),
        reasonText: phrases.optional(),
        codes: phrases.optional(),
        exceptProducts: z.array(productNameSchema).min(1).optional(),
        requires: text.optional(),
        withoutRequired: verdict.optional(),
      })
      .optional(),
    variants: z
      .array(
        z.strictObject({
          phrases: phrases,
          verdict: z.enum([...ruleVerdicts, 'allowed']),
          explanation: localized,
          where: localized.optional(),
        }),
      )
      .min(1)
      .optional(),
    keywords: z.array(text).optional(),
  })
  .refine((rule) => !rule.names?.some((n) => n.confidence === 'inferred' && !n.note), {
    message: 'an inferred name needs a note saying why it is only a hint',
    path: ['names'],
  })
  .refine((rule) => (rule.verdict === 'elsewhere') === Boolean(rule.where), {
    message: 'an "elsewhere" rule says where, and only it does',
    path: ['where'],
  })
  .refine((rule) => !rule.variants?.some((variant) => (variant.verdict === 'elsewhere') !== Boolean(variant.where)), {
    message: 'an "elsewhere" variant says where, and only it does',
    path: ['variants'],
  })
  .refine((rule) => rule.group !== 'service' || (rule.id.startsWith('service/') && rule.names), {
    message: 'a Table 1 rule has a "service/" id and names',
    path: ['id'],
  });

export const catalogSchema = z
  .strictObject({ edition: isoDate, rules: z.array(ruleSchema).min(1), topics: z.array(topicSchema).optional() })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
    catalog.rules.forEach((rule, index) => {
      const required = rule.match?.requires;
      if (required && !seen.has(required))
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'match', 'requires'], message: `requires unknown rule "${required}"` });
    });
  });

// The schema and the types describe the same data: each must be assignable to the other, or this
// does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaIsTheTypes: Same<z.output<typeof catalogSchema>, Catalog> = true;
void schemaIsTheTypes;

/** Formats zod issues as `rules[3].names: required`, one per line. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

/** Validates catalog data, throwing one error that lists every problem. */
export function parseCatalog(data: unknown): Catalog {
  const result = catalogSchema.safeParse(data);
  if (!result.success) throw new Error(`Invalid rule catalog:\n${formatIssues(result.error.issues).join('\n')}`);
  return result.data;
}
