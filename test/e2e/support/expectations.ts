// The hand-made expectation files beside the fixtures (test/fixtures/<name>.expected.json, described in
// test/fixtures/README.md), and how a page's annotated rows are held against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../../../src/rules/types';
import type { AnnotatedRow } from './page-reading';

export interface ExpectedRow {
  resource: string;
  product: string;
  verdict: Verdict;
  rules: string[];
}

export interface Expected {
  tables: number;
  columns: Record<string, string>;
  rows: ExpectedRow[];
  skipped: number;
}

export function loadExpected(fixturesDir: string, fixture: string): Expected {
  return JSON.parse(readFileSync(join(fixturesDir, `${fixture}.expected.json`), 'utf8')) as Expected;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every way the page differs from the expectation, one line each (empty when they agree). With the
 * default settings a row gets a badge exactly when it is not "allowed".
 */
export interface MatchOptions {
  showAllowed?: boolean;
  /** The word a badge uses for each verdict; when given, every badge must say its row's. */
  labels?: Partial<Record<Verdict, string>>;
}

export function rowMismatches(actual: readonly AnnotatedRow[], expected: readonly ExpectedRow[], options: MatchOptions = {}): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} rows carry a verdict, expected ${expected.length}`);
  expected.forEach((want, i) => {
    const got = actual[i];
    const name = collapse(want.resource).slice(0, 60);
    if (!got) return void problems.push(`row ${i} (${name}): missing`);
    if (!got.text.includes(collapse(want.resource))) problems.push(`row ${i}: expected ${name}, the row reads "${got.text.slice(0, 80)}"`);
    if (got.verdict !== want.verdict) problems.push(`row ${i} (${name}): verdict ${got.verdict}, expected ${want.verdict}`);
    const gotRules = [...got.rules].sort().join(' ');
    const wantRules = [...want.rules].sort().join(' ');
    if (gotRules !== wantRules) problems.push(`row ${i} (${name}): rules [${gotRules}], expected [${wantRules}]`);
    const badges = want.verdict !== 'allowed' || options.showAllowed ? 1 : 0;
    if (got.badges !== badges) problems.push(`row ${i} (${name}): ${got.badges} badges, expected ${badges}`);
    const label = options.labels?.[want.verdict];
    if (badges && label && !got.badgeText.includes(label))
      problems.push(`row ${i} (${name}): the badge says "${got.badgeText}", expected "${label}"`);
  });
  return problems;
}

/**
 * Waits until the page's annotated rows agree with `expected` (the content script batches its work
 * per animation frame), and returns the differences left when `timeout` ran out: [] means agreement.
 */
export async function settledRowMismatches(
  read: () => Promise<readonly AnnotatedRow[]>,
  expected: readonly ExpectedRow[],
  options: MatchOptions & { timeout?: number } = {},
): Promise<string[]> {
  const deadline = Date.now() + (options.timeout ?? 10_000);
  for (;;) {
    const problems = rowMismatches(await read(), expected, options);
    if (!problems.length || Date.now() > deadline) return problems;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
