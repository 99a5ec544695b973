// A rule's source, and a topic's facts, in the reader's words (src/rules/reason-words.ts). Apart
// from the words, so that the content script, which is handed them, bundles only this.
import type { Lang, PageNote, RuleSource, Topic } from './types';
import type { SourceWords } from './source-words';

/** `source` in the words of `words`: the same object when nothing changes. */
export function localSource(source: RuleSource, words: SourceWords): RuleSource {
  const section = words.sections[source.section];
  const url = words.documents[source.url];
  return section || url ? { ...source, section: section ?? source.section, url: url ?? source.url } : source;
}

/** A topic's facts in `lang`, their sources in the reader's words. */
export function topicNote(topic: Topic, lang: Lang, words: SourceWords): PageNote {
  return { title: topic.title[lang], points: topic.points.map((point) => ({ text: point.text[lang], source: localSource(point.source, words) })) };
}
