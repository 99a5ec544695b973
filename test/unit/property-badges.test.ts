// Property tests of the badge: whatever a row shows and whatever the user's own rules say, the badge
// (its short verdict, with the main reason in its accessible name) and the explanation it opens show
// it as text, in a fixed set of elements, with links only to the rule sources; and an updated badge
// shows the newest evaluation.
//
// A fixed seed and few runs keep CI fast. Run longer with
//   FC_RUNS=2000 npx vitest run test/unit/property-badges
// and replay a failure with the seed and path fast-check prints:
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/property-badges
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBadge, updateBadge } from '../../src/badges/badge';
import { badgeText } from '../../src/badges/badge-text';
import { compileCatalog, evaluateCompiled } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';
import type { Evaluation, Lang, Resource, UserRule } from '../../src/rules/types';
import { cellText, markupTexts, nextTask, propertyParameters, propertyTimeout, vocabulary } from '../support/arbitraries';

/** Every element a badge and its explanation are made of. */
const badgeTags = new Set(['STYLE', 'BUTTON', 'SPAN', 'DIV', 'H2', 'H3', 'P', 'SECTION', 'A']);

const hostile = fc.oneof(fc.constantFrom(...markupTexts), cellText());

const userRuleArb: fc.Arbitrary<UserRule> = fc.record({
  id: fc.constantFrom('mine-1', 'mine-2'),
  names: fc.array(fc.oneof(fc.constantFrom(...markupTexts), cellText({ huge: false })), { minLength: 1, maxLength: 2 }),
  verdict: fc.constantFrom('blocked', 'caution') as fc.Arbitrary<'blocked' | 'caution'>,
  explanation: hostile,
});

/** A row's reading, often naming the user's rule so that it applies. */
const caseArb = fc
  .record({
    lang: fc.constantFrom('en', 'zh') as fc.Arbitrary<Lang>,
    userRules: fc.uniqueArray(userRuleArb, { maxLength: 2, selector: (rule) => rule.id }),
    product: fc.oneof(fc.constantFrom(...vocabulary.products), hostile),
    nameTheRule: fc.boolean(),
    billingMode: fc.option(fc.oneof(fc.constantFrom(...vocabulary.billing), hostile), { nil: undefined }),
    status: fc.option(fc.oneof(fc.constantFrom(...vocabulary.statuses), hostile), { nil: undefined }),
    tags: fc.option(fc.array(fc.oneof(fc.constantFrom(...vocabulary.tags), hostile), { maxLength: 2 }), { nil: undefined }),
    reasonText: fc.option(fc.oneof(fc.constantFrom(...vocabulary.reasons), hostile), { nil: undefined }),
    actionDisabled: fc.option(fc.constant(true as const), { nil: undefined }),
  })
  .map(({ lang, userRules, product, nameTheRule, ...fields }) => {
    const resource: Resource = { productType: nameTheRule && userRules[0] ? `${product} ${userRules[0].names[0]}` : product };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(resource, { [key]: value });
    const compiled = compileCatalog(catalog, { userRules, lang });
    return { lang, resource, evaluation: evaluateCompiled(resource, compiled) };
  });

function open(host: HTMLElement): HTMLElement | null {
  host.shadowRoot!.querySelector('button')!.click();
  return host.shadowRoot!.querySelector<HTMLElement>('.panel');
}

function expectShownAsText(host: HTMLElement, evaluation: Evaluation, lang: Lang): void {
  const shadow = host.shadowRoot!;
  const elements = [...shadow.querySelectorAll('*')];
  expect(elements.map((element) => element.tagName).filter((tag) => !badgeTags.has(tag))).toEqual([]);
  for (const link of shadow.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https:\/\//);
  expect(host.childNodes).toHaveLength(0); // nothing in the console's own DOM

  // The badge says only the verdict; its accessible name adds the main reason and the count of others.
  const button = shadow.querySelector('button')!;
  const label = badgeText[lang][evaluation.verdict];
  expect(button.textContent).toBe(badgeText[lang].short[evaluation.verdict]);
  const name = button.getAttribute('aria-label') ?? '';
  expect(name.startsWith(label)).toBe(true);
  expect(name).toContain(evaluation.reasons[0]?.title ?? '');
  const more = evaluation.reasons.length - 1;
  if (more > 0) expect(name).toContain(lang === 'zh' ? `另有 ${more} 条原因` : `and ${more} more reason`);
  expect(name).not.toMatch(/\(\+\d/);

  const panel = shadow.querySelector<HTMLElement>('.panel');
  if (!panel || panel.hidden) return;
  const text = panel.textContent ?? '';
  expect(panel.querySelector('h3')?.textContent ?? '').toContain(evaluation.reasons[0]?.title ?? '');
  for (const reason of evaluation.reasons) {
    expect(text).toContain(reason.title);
    expect(text).toContain(reason.explanation);
    if (reason.evidence.field !== 'actionDisabled') expect(text).toContain(reason.evidence.text.slice(0, 159));
  }
}

describe('a badge shows any row and any rule as text', () => {
  beforeEach(() => document.body.replaceChildren());

  it(
    'in the badge and in its opened explanation: known elements only, links only to sources, every reason shown',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, async ({ lang, evaluation }) => {
          await nextTask();
          document.body.replaceChildren();
          const host = createBadge(document, evaluation, badgeText[lang]);
          document.body.append(host);
          expectShownAsText(host, evaluation, lang);
          expect(open(host)?.hidden).toBe(false);
          expectShownAsText(host, evaluation, lang);
          expect(document.body.children).toHaveLength(1);
        }),
        propertyParameters(150),
      );
    },
    propertyTimeout(150, 30),
  );

  it(
    'after any sequence of updates, open or closed, shows the newest evaluation',
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, fc.array(fc.tuple(caseArb, fc.boolean()), { minLength: 1, maxLength: 5 }), async (first, updates) => {
          await nextTask();
          document.body.replaceChildren();
          const host = createBadge(document, first.evaluation, badgeText[first.lang]);
          document.body.append(host);
          let last = first;
          for (const [next, toggle] of updates) {
            if (toggle) open(host);
            updateBadge(host, next.evaluation, badgeText[next.lang]);
            last = next;
            expectShownAsText(host, last.evaluation, last.lang);
            expect(host.getAttribute('data-verdict')).toBe(last.evaluation.verdict);
          }
        }),
        propertyParameters(80),
      );
    },
    propertyTimeout(80, 50),
  );
});
