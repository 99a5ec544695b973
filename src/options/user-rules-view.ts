// The user's own rules: services the catalog does not list (or lists under another name).
import type { UserRule, UserRuleVerdict } from '../rules/types';
import type { SettingsProblem } from '../settings/problems';
import { MAX_USER_RULES } from '../settings/limits';
import { uniqueRuleId } from '../settings/user-rule-checks';
import { validateUserRule } from '../settings/user-rule-validation';
import { h, replaceChildren, uniqueId } from '../ui/dom';
import { verdictPill } from '../ui/verdict';
import { problemText, type OptionsContext } from './context';

/** The lines with text, trimmed, each with its line number in the box (from 1), for messages. */
export function textLines(text: string): { text: string; line: number }[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ text: line.trim(), line: index + 1 }))
    .filter((entry) => entry.text);
}

// eslint-disable-next-line max-lines-per-function -- a view closure: the list and the editor share the section's state (to be split with the options page's sections)
export function userRulesView(ctx: OptionsContext): HTMLElement {
  const { t } = ctx;
  const list = h('div', { class: 'user-rules' });
  const editorSlot = h('div');
  const addButton = h('button', { type: 'button', 'data-action': 'add-rule', onclick: () => openEditor(-1) }, t('userRuleAdd'));

  const drawList = () => {
    const rules = ctx.store.draft.userRules;
    addButton.disabled = rules.length >= MAX_USER_RULES;
    replaceChildren(
      list,
      rules.length
        ? h(
            'ul',
            { class: 'rule-list' },
            rules.map((rule, index) =>
              h(
                'li',
                { 'data-user-rule': rule.id },
                h(
                  'div',
                  { class: 'rule-summary' },
                  h('div', { class: 'rule-title' }, h('strong', null, rule.names[0] ?? rule.id), ' ', verdictPill(rule.verdict, t)),
                  rule.names.length > 1 ? h('p', { class: 'hint' }, t('userRuleAliases', rule.names.slice(1).join(', '))) : null,
                  rule.explanation ? h('p', { class: 'hint' }, rule.explanation) : null,
                ),
                h(
                  'div',
                  { class: 'row-actions' },
                  h(
                    'button',
                    {
                      type: 'button',
                      'data-action': 'edit-rule',
                      'aria-label': t('userRuleEditNamed', rule.names[0] ?? rule.id),
                      onclick: () => openEditor(index),
                    },
                    t('edit'),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'danger',
                      'data-action': 'remove-rule',
                      'aria-label': t('userRuleRemoveNamed', rule.names[0] ?? rule.id),
                      onclick: async () => {
                        const removed = rule.names[0] ?? rule.id;
                        closeEditor();
                        const ok = await ctx.edit((draft) => ({ ...draft, userRules: draft.userRules.filter((r) => r.id !== rule.id) }));
                        drawList();
                        if (ok) ctx.announce(t('userRuleRemoved', removed));
                        addButton.focus();
                      },
                    },
                    t('remove'),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, t('userRulesNone')),
    );
  };

  const closeEditor = () => {
    replaceChildren(editorSlot);
    addButton.hidden = false;
  };

  // eslint-disable-next-line max-lines-per-function -- the editor's fields, checks and form, sharing its inputs
  const openEditor = (index: number) => {
    const existing: UserRule | undefined = ctx.store.draft.userRules[index];
    const nameId = uniqueId('rule-name');
    const aliasesId = uniqueId('rule-aliases');
    const explanationId = uniqueId('rule-explanation');
    const name = h('input', { type: 'text', id: nameId, value: existing?.names[0] ?? '', required: true, autocomplete: 'off' });
    const aliases = h('textarea', { id: aliasesId, rows: 3 });
    aliases.value = existing?.names.slice(1).join('\n') ?? '';
    const explanation = h('textarea', { id: explanationId, rows: 3 });
    explanation.value = existing?.explanation ?? '';
    const verdictName = uniqueId('verdict');
    const verdictRadio = (value: UserRuleVerdict, label: string) =>
      h(
        'label',
        { class: 'radio' },
        h('input', { type: 'radio', name: verdictName, value, checked: (existing?.verdict ?? 'blocked') === value }),
        label,
      );
    const errorsId = uniqueId('rule-errors');
    const errors = h('ul', { id: errorsId, class: 'form-errors', 'aria-live': 'polite' });

    let aliasLines: { text: string; line: number }[] = [];
    const fieldLabel = (problem: SettingsProblem) => {
      const [field, index] = problem.path;
      // Other names are counted by the box's own lines, blank ones included, as the user sees them.
      if (field === 'names' && typeof index === 'number')
        return index === 0 ? t('userRuleName') : t('userRuleAliasLine', aliasLines[index - 1]?.line ?? index);
      if (field === 'names' || field === 'id') return t('userRuleName');
      if (field === 'explanation') return t('userRuleExplanation');
      if (field === 'verdict') return t('userRuleVerdict');
      return '';
    };

    /** The field a problem is about, to mark and to focus. */
    const fieldOf = (problem: SettingsProblem): HTMLElement => {
      const [field, index] = problem.path;
      if (field === 'names' && typeof index === 'number' && index > 0) return aliases;
      if (field === 'explanation') return explanation;
      if (field === 'verdict') return editorSlot.querySelector<HTMLInputElement>(`input[name="${verdictName}"]`) ?? name;
      return name;
    };

    const submit = async (event: Event) => {
      event.preventDefault();
      const others = ctx.store.draft.userRules.filter((_, i) => i !== index);
      aliasLines = textLines(aliases.value);
      const names = [name.value.trim(), ...aliasLines.map((entry) => entry.text)];
      const verdict = (editorSlot.querySelector<HTMLInputElement>(`input[name="${verdictName}"]:checked`)?.value ?? 'blocked') as UserRuleVerdict;
      const rule: UserRule = {
        id:
          existing?.id ??
          uniqueRuleId(
            names[0] ?? '',
            others.map((r) => r.id),
          ),
        names,
        verdict,
        explanation: explanation.value.trim(),
      };
      const problems = validateUserRule(rule, others);
      for (const field of [name, aliases, explanation]) {
        field.removeAttribute('aria-invalid');
        field.removeAttribute('aria-describedby');
      }
      if (problems.length) {
        for (const field of new Set(problems.map(fieldOf))) {
          field.setAttribute('aria-invalid', 'true');
          field.setAttribute('aria-describedby', errorsId);
        }
        replaceChildren(
          errors,
          problems.map((problem) => {
            const label = fieldLabel(problem);
            const message = problemText({ ...problem, path: [] }, t);
            return h('li', { class: 'error-text' }, label ? `${label}: ${message}` : problemText(problem, t));
          }),
        );
        fieldOf(problems[0]!).focus();
        return;
      }
      const ok = await ctx.edit((draft) => {
        const userRules = [...draft.userRules];
        if (index >= 0 && index < userRules.length) userRules[index] = rule;
        else userRules.push(rule);
        return { ...draft, userRules };
      });
      // Saved or not, the rule is in the list now; a failed save says so in the status line and retries.
      closeEditor();
      drawList();
      if (ok) ctx.announce(t('userRuleSaved', rule.names[0] ?? rule.id));
      addButton.focus();
    };

    addButton.hidden = true;
    replaceChildren(
      editorSlot,
      h(
        'form',
        { class: 'rule-editor', 'aria-label': existing ? t('userRuleEditing') : t('userRuleAdding'), onsubmit: submit, novalidate: true },
        h('h3', null, existing ? t('userRuleEditing') : t('userRuleAdding')),
        h('label', { for: nameId }, t('userRuleName')),
        name,
        h('label', { for: aliasesId }, t('userRuleAliasesLabel')),
        aliases,
        h('p', { class: 'hint' }, t('userRuleAliasesHint')),
        h(
          'fieldset',
          { class: 'option-group' },
          h('legend', null, t('userRuleVerdict')),
          verdictRadio('blocked', t('verdictBlocked')),
          verdictRadio('caution', t('verdictCaution')),
        ),
        h('label', { for: explanationId }, t('userRuleExplanation')),
        explanation,
        errors,
        h(
          'div',
          { class: 'row-actions' },
          h('button', { type: 'submit', class: 'primary' }, t('userRuleSave')),
          h('button', { type: 'button', onclick: () => (closeEditor(), addButton.focus()) }, t('cancel')),
        ),
      ),
    );
    name.focus();
  };

  drawList();
  return h(
    'section',
    { class: 'card', id: 'user-rules', 'aria-labelledby': 'user-rules-title' },
    h('h2', { id: 'user-rules-title' }, t('userRulesTitle')),
    h('p', { class: 'hint' }, t('userRulesHint')),
    list,
    editorSlot,
    addButton,
  );
}
