// What the content script answers the popup (src/messaging/protocol.ts): the page's summary, a row
// revealed, the resources seen on the tab, and "page through for me". Nothing when not badging.
import type { ContentAnswers, ContentRequest } from '../messaging/protocol';
import type { Annotator } from './annotator';
import type { PageThrough } from './page-through';
import type { SeenResources } from './seen-resources';

export interface PopupAnswerParts {
  /** The annotator while it badges the page; undefined otherwise. */
  running: Annotator | undefined;
  seen: SeenResources;
  paging: PageThrough;
  /** Records the page in view among the seen resources. */
  recordPage(): void;
}

/** The answer to `request`, or undefined for a message that is not the popup's. */
export function answerPopup(request: ContentRequest | undefined, parts: PopupAnswerParts): ContentAnswers[ContentRequest['type']] | undefined {
  const { running, seen, paging } = parts;
  switch (request?.type) {
    case 'get-summary':
      return running ? { ...running.summary(), seen: seen.count(), paging: paging.status() } : null;
    case 'reveal-row':
      return running ? running.reveal(request.index) : false;
    case 'filter-rows':
      return running ? running.filterRows(request.verdict) : false;
    case 'get-seen':
      return seen.rows();
    case 'clear-seen':
      seen.clear();
      parts.recordPage(); // the page in view is still seen
      return seen.count();
    case 'page-through':
      return running ? (request.action === 'start' ? paging.start() : paging.cancel()) : null;
    default:
      return undefined;
  }
}
