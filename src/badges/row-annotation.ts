// Writing a verdict onto a row: the DOM contract (data-unsub-lens, data-unsub-lens-rules) and the badge.
// Idempotent: writing the same verdict twice changes nothing.
import type { Evaluation } from '../rules/types';
import type { BadgeWords } from './badge-text';
import { OWN_BADGE_CLASS, RULES_ATTRIBUTE, VERDICT_ATTRIBUTE, ownBadgeSelector } from '../marks/own-marks';
import { isOwnBarNode } from './summary-bar';
import { isOwnWarningNode } from './batch-warning';
import { createBadge, focusBadge, isOwnBadge, removeBadge, stopListeningForBadges, updateBadge } from './badge';

/** Rows this extension wrote its attributes on: only those are cleaned, whatever else carries the names. */
const annotated = new WeakSet<Element>();

export interface RowAnnotation {
  evaluation: Evaluation;
  /** The words the badge says, in the badge language. */
  words: BadgeWords;
  showBadge: boolean;
  /** The cell the badge goes in. */
  anchor: Element | undefined;
}

export function annotateRow(row: Element, { evaluation, words, showBadge, anchor }: RowAnnotation): void {
  const rules = evaluation.reasons.map((reason) => reason.ruleId).join(' ');
  annotated.add(row);
  if (row.getAttribute(VERDICT_ATTRIBUTE) !== evaluation.verdict) row.setAttribute(VERDICT_ATTRIBUTE, evaluation.verdict);
  if (row.getAttribute(RULES_ATTRIBUTE) !== rules) row.setAttribute(RULES_ATTRIBUTE, rules);

  let badge: Element | undefined;
  for (const existing of row.querySelectorAll(ownBadgeSelector)) {
    if (!isOwnBadge(existing)) continue; // the page's own element, named like ours
    if (!badge && showBadge && anchor && existing.parentElement === anchor) badge = existing;
    else removeBadge(existing);
  }
  if (!showBadge || !anchor) return;
  if (badge) updateBadge(badge, evaluation, words);
  else anchor.append(createBadge(row.ownerDocument, evaluation, words));
}

/** Takes everything of ours off a row. */
export function clearRow(row: Element): void {
  if (annotated.delete(row)) {
    row.removeAttribute(VERDICT_ATTRIBUTE);
    row.removeAttribute(RULES_ATTRIBUTE);
  }
  for (const badge of row.querySelectorAll(ownBadgeSelector)) if (isOwnBadge(badge)) removeBadge(badge);
}

/** Takes everything of ours off the document, the badges' listeners included. */
export function clearAll(doc: Document): void {
  for (const row of doc.querySelectorAll(`[${VERDICT_ATTRIBUTE}], [${RULES_ATTRIBUTE}]`)) clearRow(row);
  for (const badge of doc.querySelectorAll(ownBadgeSelector)) if (isOwnBadge(badge)) removeBadge(badge);
  stopListeningForBadges(doc);
}

export function isOwnNode(node: Node): boolean {
  return (
    isOwnBarNode(node) ||
    isOwnWarningNode(node) ||
    (node.nodeType === 1 && (node as Element).classList.contains(OWN_BADGE_CLASS) && isOwnBadge(node as Element))
  );
}

/** Gives the keyboard focus to the row's badge (for "show me this row"). */
export function focusBadgeIn(row: Element): void {
  for (const badge of row.querySelectorAll(ownBadgeSelector)) if (focusBadge(badge)) return;
}
