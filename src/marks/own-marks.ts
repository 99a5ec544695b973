// What the extension itself puts in the console's page. Every layer needs to recognize it (the page
// reading skips it, the badges write it, the annotator ignores its own writes), so it sits below them
// all, apart from the console's own selectors.

/** The class of a badge's host element. */
export const OWN_BADGE_CLASS = 'unsub-lens-badge';
export const ownBadgeSelector = `.${OWN_BADGE_CLASS}`;
/** On a badged row: its verdict, and the ids of the rules that gave it (for the page's own scripts and tests, never read back). */
export const VERDICT_ATTRIBUTE = 'data-unsub-lens';
export const RULES_ATTRIBUTE = 'data-unsub-lens-rules';
/** The summary bar's host, above the table; a row the bar's filter hides; the table while it filters. */
export const BAR_ATTRIBUTE = 'data-unsub-lens-bar';
export const HIDDEN_ATTRIBUTE = 'data-unsub-lens-hidden';
export const FILTERED_CLASS = 'unsub-lens-filtered';
