// The languages the extension speaks, and what the user can choose among: the one definition every
// other module (rules, settings, badges, pages) derives its types from.

/** The languages of the catalog, the badges and the pages. */
export const langs = ['en', 'zh'] as const;
export type Lang = (typeof langs)[number];

/** What the settings may say: follow the page (or, on the extension's own pages, the browser), or one language. */
export const languageChoices = ['page', ...langs] as const;
export type LanguageChoice = (typeof languageChoices)[number];
