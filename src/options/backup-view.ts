// Export, import and reset; and the stored settings that could not be used, offered for export.
import { copyDefaultSettings } from '../settings/coerce';
import { settingsFileText } from '../settings/import-export';
import { MAX_IMPORT_BYTES } from '../settings/limits';
import { discardRejectedSettings, type LoadProblem, type RejectedSettings } from '../settings/storage';
import { downloadText, exportFileName } from '../ui/download';
import { h, replaceChildren } from '../ui/dom';
import { showInvisible } from '../i18n/visible-text';
import { problemText, type OptionsContext } from './context';
import { applyImport, readSettingsFile, type ImportMode, type ImportPreview } from './import-settings';
import { hasChanges, type ImportChanges } from '../settings/import-plan';
import type { MessageKey } from '../i18n/messages';

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
    const name = showInvisible(file.name);
    const reading = await readSettingsFile(file, store.draft);
    if (!reading.ok) {
      replaceChildren(
        importErrors,
        h('p', { class: 'error-text' }, t('importRefused', name, reading.problems.length)),
        h(
          'ul',
          { class: 'problems' },
          reading.problems.map((problem) => h('li', null, problemText(problem, t))),
        ),
      );
      importButton.focus();
      return;
    }
    replaceChildren(
      importErrors,
      importPreviewView(ctx, name, reading.preview, () => importButton.focus()),
    );
    importErrors.querySelector<HTMLButtonElement>('[data-action="import-replace"]')?.focus();
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
    { class: 'card', id: 'backup', 'aria-labelledby': 'backup-title' },
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

/** Before an import changes anything: what replacing would change, and the choice of replace, merge or cancel. */
function importPreviewView(ctx: OptionsContext, name: string, preview: ImportPreview, done: () => void): HTMLElement {
  const { t } = ctx;
  const { changes } = preview;
  const line = (key: MessageKey, items: string[]) => (items.length ? h('li', null, t(key, items.length, items.slice(0, 5).join(', '))) : null);
  const apply = async (mode: ImportMode) => {
    const outcome = await applyImport(preview, mode, ctx.store);
    if (outcome.ok) {
      await ctx.rerender();
      ctx.announce(t(mode === 'merge' ? 'importedMerged' : 'imported', name));
    } else {
      // The status line says why (a failed save, or another window's change to replace or keep).
      view.replaceChildren(h('p', { class: 'error-text' }, t('importNotSaved')));
      done();
    }
  };
  const view = h(
    'div',
    { class: 'import-preview', role: 'group', 'aria-label': t('importPreviewTitle', name), 'data-import-preview': '' },
    h('p', null, hasChanges(changes) ? t('importPreviewTitle', name) : t('importPreviewSame', name)),
    h(
      'ul',
      { class: 'problems' },
      line('importRulesAdded', changes.rulesAdded),
      line('importRulesRemoved', changes.rulesRemoved),
      line('importRulesChanged', changes.rulesChanged),
      line('importSwitchedOff', changes.switchedOff),
      line('importSwitchedOn', changes.switchedOn),
      changes.otherChanges.length
        ? h('li', null, t('importOtherChanges', changes.otherChanges.map((key) => t(settingLabelKey[key])).join(', ')))
        : null,
    ),
    h('p', { class: 'hint' }, t('importMergeHint')),
    h(
      'div',
      { class: 'row-actions' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'import-replace', onclick: () => apply('replace') }, t('importReplace')),
      h('button', { type: 'button', 'data-action': 'import-merge', onclick: () => apply('merge') }, t('importMerge')),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'import-cancel',
          onclick: () => {
            view.remove();
            ctx.announce(t('importCancelled', name));
            done();
          },
        },
        t('cancel'),
      ),
    ),
  );
  return view;
}

/** The settings an import can change besides rules, by their name on this page. */
const settingLabelKey: Record<ImportChanges['otherChanges'][number], MessageKey> = {
  enabled: 'enabledLabel',
  showAllowed: 'showAllowedLabel',
  language: 'languageLabel',
  extraHeaders: 'headersTitle',
};

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
