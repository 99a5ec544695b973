// Extra header texts per column, for when the console relabels one: the page code then still finds
// the column (src/page/columns.ts lists the texts it knows).
import { columnFields, columnHeaders, type ColumnField } from '../console/columns';
import { MAX_HEADER_LENGTH, MAX_HEADERS_PER_COLUMN } from '../settings/limits';
import type { SettingsProblem } from '../settings/problems';
import { columnLabelKey } from '../ui/column-labels';
import { h, replaceChildren } from '../ui/dom';
import { problemText, type OptionsContext } from './context';
import { textLines } from './user-rules-view';

export function headerProblems(field: ColumnField, lines: readonly string[]): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (lines.length > MAX_HEADERS_PER_COLUMN)
    problems.push({ path: ['extraHeaders', field], message: 'errTooMany', args: [String(MAX_HEADERS_PER_COLUMN)] });
  lines.forEach((line, index) => {
    if (line.length > MAX_HEADER_LENGTH)
      problems.push({ path: ['extraHeaders', field, index], message: 'errTooLong', args: [String(MAX_HEADER_LENGTH)] });
  });
  return problems;
}

export function headersView(ctx: OptionsContext): HTMLElement {
  const { t } = ctx;
  const row = (field: ColumnField) => {
    const id = `headers-${field}`;
    const area = h('textarea', { id, rows: 2, 'data-column': field, 'aria-describedby': `${id}-known ${id}-errors` });
    area.value = (ctx.store.draft.extraHeaders[field] ?? []).join('\n');
    const errors = h('p', { class: 'error-text', id: `${id}-errors`, 'aria-live': 'polite' });
    // Said by the field's label and line ("Status, line 2: too long"), not by the settings path.
    area.addEventListener('change', () => {
      // The same name twice is kept once; line numbers stay those of the box, blank lines included.
      const entries = textLines(area.value).filter((entry, i, all) => all.findIndex((other) => other.text === entry.text) === i);
      const lines = entries.map((entry) => entry.text);
      const problems = headerProblems(field, lines);
      const problemLine = (problem: SettingsProblem) => {
        const index = problem.path[2];
        const where =
          typeof index === 'number' ? t('headersLine', t(columnLabelKey[field]), entries[index]?.line ?? index + 1) : t(columnLabelKey[field]);
        return `${where}: ${problemText({ ...problem, path: [] }, t)}`;
      };
      replaceChildren(errors, problems.map(problemLine).join(' '));
      if (problems.length) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
      if (problems.length) return;
      void ctx.edit((draft) => {
        const extraHeaders = { ...draft.extraHeaders };
        if (lines.length) extraHeaders[field] = lines;
        else delete extraHeaders[field];
        return { ...draft, extraHeaders };
      });
    });
    // Collapsed until used: a box with names in it, or one the user opened, stays open.
    const added = ctx.store.draft.extraHeaders[field]?.length ?? 0;
    const details = h(
      'details',
      { class: 'header-row', 'data-column-row': field, open: added > 0 || ctx.ui.openColumns.has(field) },
      h(
        'summary',
        null,
        h('span', { id: `${id}-label` }, t(columnLabelKey[field])),
        added ? h('span', { class: 'count-pill' }, t('headersAdded', added)) : null,
      ),
      h(
        'div',
        { class: 'header-box' },
        area,
        h('p', { class: 'hint', id: `${id}-known` }, t('headersKnown', columnHeaders[field].join(' · '))),
        errors,
      ),
    );
    area.setAttribute('aria-labelledby', `${id}-label`);
    details.addEventListener('toggle', () => {
      if (details.open) ctx.ui.openColumns.add(field);
      else ctx.ui.openColumns.delete(field);
    });
    return details;
  };
  return h(
    'section',
    { class: 'card', id: 'headers', 'aria-labelledby': 'headers-title' },
    h('h2', { id: 'headers-title' }, t('headersTitle')),
    h('p', { class: 'hint' }, t('headersHint')),
    h('div', { class: 'header-rows' }, columnFields.map(row)),
  );
}
