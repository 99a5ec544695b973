// Reading what the extension wrote on a console page: the DOM contract (data-unsub-lens,
// data-unsub-lens-rules, .unsub-lens-badge) as a test, the demo or the screenshots see it.
import type { Page } from 'playwright-core';

export const VERDICT_ATTRIBUTE = 'data-unsub-lens';
export const RULES_ATTRIBUTE = 'data-unsub-lens-rules';
export const BADGE_CLASS = 'unsub-lens-badge';

export interface AnnotatedRow {
  verdict: string;
  /** Rule ids in the order the row lists them. */
  rules: string[];
  /** The row's own text (badges excluded), whitespace collapsed. */
  text: string;
  /** Badges inside the row. */
  badges: number;
  /** What the row's badges say (the buttons in their shadow roots). */
  badgeText: string;
}

export const ownMarkNames = { verdictAttribute: VERDICT_ATTRIBUTE, rulesAttribute: RULES_ATTRIBUTE, badgeClass: BADGE_CLASS };

/**
 * Runs in the page (it is serialized: it may use only its argument and the page's globals): every row
 * carrying a verdict, in document order.
 */
export function annotatedRowsInPage({ verdictAttribute, rulesAttribute, badgeClass }: typeof ownMarkNames): AnnotatedRow[] {
  return [...document.querySelectorAll(`[${verdictAttribute}]`)].map((row) => {
    const copy = row.cloneNode(true) as Element;
    copy.querySelectorAll(`.${badgeClass}`).forEach((badge) => badge.remove());
    return {
      verdict: row.getAttribute(verdictAttribute) ?? '',
      rules: (row.getAttribute(rulesAttribute) ?? '').split(/\s+/).filter(Boolean),
      text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim(),
      badges: row.querySelectorAll(`.${badgeClass}`).length,
      // A closed shadow root (a browser not under automation) shows the page only the verdict the badge carries.
      badgeText: [...row.querySelectorAll(`.${badgeClass}`)]
        .map((badge) =>
          badge.shadowRoot ? (badge.shadowRoot.querySelector('button')?.textContent ?? '') : `[${badge.getAttribute('data-verdict') ?? ''}]`,
        )
        .join(' | ')
        .replace(/\s+/g, ' ')
        .trim(),
    };
  });
}

/** Every row carrying a verdict, in document order. */
export function readAnnotatedRows(page: Page): Promise<AnnotatedRow[]> {
  return page.evaluate(annotatedRowsInPage, ownMarkNames);
}

/** How many elements of ours are on the page: verdict or rules attributes, and badges. */
export function countOwnMarks(page: Page): Promise<{ attributes: number; badges: number }> {
  return page.evaluate(
    ({ verdictAttribute, rulesAttribute, badgeClass }) => ({
      attributes: document.querySelectorAll(`[${verdictAttribute}], [${rulesAttribute}]`).length,
      badges: document.querySelectorAll(`.${badgeClass}`).length,
    }),
    ownMarkNames,
  );
}

/** Waits until `rows` rows carry a verdict (the content script runs at document_idle, then batches). */
export async function waitForAnnotatedRows(page: Page, rows: number, timeout = 10_000): Promise<AnnotatedRow[]> {
  await page.waitForFunction(
    ({ selector, rows }) => document.querySelectorAll(selector).length === rows,
    { selector: `[${VERDICT_ATTRIBUTE}]`, rows },
    { timeout },
  );
  return readAnnotatedRows(page);
}

/** Waits until some row carries a verdict and the number stops changing (for pages of unknown size). */
export async function waitForSettledAnnotations(page: Page, timeout = 10_000): Promise<AnnotatedRow[]> {
  await page.waitForSelector(`[${VERDICT_ATTRIBUTE}]`, { timeout, state: 'attached' });
  let last = -1;
  for (const deadline = Date.now() + timeout; Date.now() < deadline;) {
    const rows = await readAnnotatedRows(page);
    if (rows.length === last) return rows;
    last = rows.length;
    await page.waitForTimeout(250);
  }
  return readAnnotatedRows(page);
}
