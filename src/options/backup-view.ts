// Export, import and reset; and the stored settings that could not be used, offered for export.
import { copyDefaultSettings } from '../settings/coerce';
import { settingsFileText } from '../settings/import-export';
import { MAX_IMPORT_BYTES } from '../settings/limits';
import { discardRejectedSettings, type LoadProblem, type RejectedSettings } from '../settings/storage';
import { downloadText, exportFileName } from '../ui/download';
import { h, replaceChildren } from '../ui/dom';
import { showInvisible } from '../i18n/visible-text';
import { problemText, type OptionsContext } from './context';
import { importSettingsFile } from './import-settings';

// eslint-disable-next-line max-lines-per-function -- a view closure: its buttons' handlers share the section's state; each handler is short
export function backupView(ctx: OptionsContext): HTMLElement {
  const { t, store } = ctx;
  const importErrors = h('div', { class: 'import-errors', 'aria-live': 'polite' });
  const fileInput = h('input', { type: 'file', accept: 'application/json,.json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const importButton = h('button', { type: 'button', 'data-action': 'import', onclick: () => fileInput.click() }, t('importButton'));

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    const outcome = await importSettingsFile(file, store);
    if (outcome.ok) {
      await ctx.rerender();
      ctx.announce(t('imported', showInvisible(file.name)));
      return;
    }
    if ('saveFailed' in outcome) {
      // The status line already says why the save failed; the current settings are untouched.
      replaceChildren(importErrors, h('p', { class: 'error-text' }, t('importNotSaved')));
      return;
    }
    replaceChildren(
      importErrors,
      h('p', { class: 'error-text' }, t('importRefused', showInvisible(file.name), outcome.problems.length)),
      h(
        'ul',
        { class: 'problems' },
        outcome.problems.map((problem) => h('li', null, problemText(problem, t))),
      ),
    );
    importButton.focus();
  });

  const confirmSlot = h('div');
  const resetButton = h('button', { type: 'button', class: 'danger', 'data-action': 'reset', onclick: () => askReset() }, t('resetButton'));
  const askReset = () => {
    resetButton.hidden = true;
    const cancel = () => {
      replaceChildren(confirmSlot);
      resetButton.hidden = false;
      resetButton.focus();
    };
    const cancelButton = h('button', { type: 'button', 'data-action': 'reset-cancel', onclick: cancel }, t('cancel'));
    replaceChildren(
      confirmSlot,
      h(
        'div',
        {
          class: 'confirm',
          role: 'alertdialog',
          'aria-labelledby': 'reset-question',
          onkeydown: (event) => {
            if ((event as KeyboardEvent).key === 'Escape') cancel();
          },
        },
        h('p', { id: 'reset-question' }, t('resetQuestion')),
        h(
          'div',
          { class: 'row-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'data-action': 'reset-confirm',
              onclick: async () => {
                if (await store.replace(copyDefaultSettings())) {
                  await ctx.rerender();
                  ctx.announce(t('resetDone'));
                } else cancel();
              },
            },
            t('resetConfirm'),
          ),
          cancelButton,
        ),
      ),
    );
    // The safe answer has the focus: Enter by habit does not erase anything.
    cancelButton.focus();
  };

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'backup-title' },
    h('h2', { id: 'backup-title' }, t('backupTitle')),
    h('p', { class: 'hint' }, t('backupHint', Math.round(MAX_IMPORT_BYTES / 1024))),
    h(
      'div',
      { class: 'row-actions' },
      h(
        'button',
        {
          type: 'button',
          'data-action': 'export',
          onclick: () => downloadText(exportFileName('json'), settingsFileText(store.draft), 'application/json'),
        },
        t('exportButton'),
      ),
      importButton,
      fileInput,
      resetButton,
    ),
    confirmSlot,
    importErrors,
  );
}

/** Said at the top of the page when the stored settings could not be used as they were. */
export function loadProblemView(
  ctx: OptionsContext,
  problem: LoadProblem | undefined,
  rejected: RejectedSettings | null,
  seenWhileOpen: boolean,
  onDiscarded: () => void,
): HTMLElement | null {
  const { t } = ctx;
  if (problem?.kind === 'unreadable') return h('div', { class: 'notice', role: 'alert' }, t('loadUnreadable', problem.error ?? ''));
  // Keeping the value aside can fail; the value read this time can still be exported.
  if (!rejected && problem)
    rejected = { keptAt: '', kind: problem.kind, version: problem.version ?? 1, problems: problem.problems, value: problem.value };
  if (!rejected) return null;
  const shown = rejected;
  const notice: HTMLElement = h(
    'div',
    { class: 'notice', role: 'alert', 'data-notice': 'rejected' },
    h('p', null, seenWhileOpen ? t('rejectedWhileOpen') : shown.kind === 'newer-version' ? t('rejectedNewer', shown.version) : t('rejectedInvalid')),
    h(
      'ul',
      { class: 'problems' },
      shown.problems.slice(0, 10).map((p) => h('li', null, problemText(p, t))),
    ),
    shown.keptAt ? h('p', null, t('rejectedKept', shown.keptAt)) : h('p', { class: 'error-text' }, t('rejectedNotKept')),
    // Saving replaces what is stored: said before it happens, beside the export.
    h('p', null, t('rejectedOverwrite')),
    h(
      'div',
      { class: 'row-actions' },
      h(
        'button',
        {
          type: 'button',
          'data-action': 'export-rejected',
          onclick: () => downloadText(exportFileName('rejected.json'), JSON.stringify(shown.value, null, 2) + '\n', 'application/json'),
        },
        t('rejectedExport'),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'discard-rejected',
          onclick: async () => {
            await discardRejectedSettings().catch(() => undefined);
            onDiscarded();
            notice.remove();
            ctx.announce(t('rejectedDiscarded'));
          },
        },
        t('rejectedDiscard'),
      ),
    ),
  );
  return notice;
}
