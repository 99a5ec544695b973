// The options page's status line: "Saved", or why a save failed and a way to try again.
import type { Translate } from '../i18n/messages';
import { SettingsSaveError } from '../settings/storage';
import { SYNC_ITEM_QUOTA_BYTES } from '../settings/limits';
import { h, replaceChildren } from '../ui/dom';
import type { SaveState } from './settings-store';

export function saveErrorText(error: unknown, t: Translate): string {
  if (error instanceof SettingsSaveError && error.reason === 'too-large')
    return t('saveTooLarge', ((error.bytes ?? 0) / 1024).toFixed(1), SYNC_ITEM_QUOTA_BYTES / 1024);
  return t('saveFailed', error instanceof Error ? error.message : String(error));
}

export interface StatusLine {
  element: HTMLElement;
  show(state: SaveState): void;
  say(text: string): void;
}

export function statusLine(t: Translate, retry: () => void): StatusLine {
  const element = h('div', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-state': 'idle' });
  return {
    element,
    show(state) {
      element.dataset.state = state.state;
      if (state.state === 'saving') replaceChildren(element, t('saving'));
      else if (state.state === 'saved') replaceChildren(element, t('saved'));
      else if (state.state === 'merged') replaceChildren(element, t('savedMerged'));
      else if (state.state === 'conflict')
        replaceChildren(
          element,
          h('span', { class: 'error-text' }, t('saveConflict')),
          ' ',
          h('button', { type: 'button', 'data-action': 'replace-anyway', onclick: () => void state.force() }, t('replaceAnyway')),
        );
      else
        replaceChildren(
          element,
          h('span', { class: 'error-text' }, saveErrorText(state.error, t), ' ', t('editsKept')),
          ' ',
          h('button', { type: 'button', 'data-action': 'retry', onclick: retry }, t('tryAgain')),
        );
    },
    say(text) {
      element.dataset.state = 'info';
      replaceChildren(element, text);
    },
  };
}
