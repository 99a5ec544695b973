// Where a rule comes from, in the reader's language: the words are in src/rules/reason-words.ts,
// handed to the content script with the engine's other words, so they are not in its bundle.
export interface SourceWords {
  /** Section names by the catalog's English name. */
  sections: Readonly<Record<string, string>>;
  /** Document addresses by the catalog's address. */
  documents: Readonly<Record<string, string>>;
}
