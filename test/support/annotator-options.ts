// What the annotator is started with in the tests: the bundled catalog in English, the console's
// header names, the English badge words, no badge on allowed rows.
import type { AnnotatorOptions } from '../../src/annotator/annotator';
import { headerNames } from '../../src/console/columns';
import { badgeText } from '../../src/badges/badge-text';
import { compileCatalog } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';

export function englishOptions(): AnnotatorOptions {
  return { compiled: compileCatalog(catalog, { lang: 'en' }), lang: 'en', showAllowed: false, headers: headerNames(), words: badgeText.en };
}
