// A rule's source in the reader's words (src/rules/source-words.ts). Apart from the words, so that
// the content script, which is handed them, bundles only this.
import type { RuleSource } from './types';
import type { SourceWords } from './source-words';

/** `source` in the words of `words`: the same object when nothing changes. */
export function localSource(source: RuleSource, words: SourceWords): RuleSource {
  const section = words.sections[source.section];
  const url = words.documents[source.url];
  return section || url ? { ...source, section: section ?? source.section, url: url ?? source.url } : source;
}
