// The master switch, the "No rule" badges and the language.
import type { LanguageChoice } from '../i18n/languages';
import { h, uniqueId } from '../ui/dom';
import type { OptionsContext } from './context';
import { lockedLabel } from './policy-view';

export function generalView(ctx: OptionsContext): HTMLElement {
  const { t, store, locks } = ctx;
  const { policy } = ctx.managed;
  // What a locked policy sets is shown as in force (the user's own value stays stored underneath).
  const settings = {
    ...store.draft,
    ...(locks.showAllowed && { showAllowed: policy.showAllowed! }),
    ...(locks.language && { language: policy.language! }),
  };

  const switchRow = (key: 'enabled' | 'showAllowed', label: string, hint: string) => {
    const id = uniqueId(key);
    const locked = key === 'showAllowed' && locks.showAllowed;
    return h(
      'div',
      { class: 'option' },
      h('input', {
        type: 'checkbox',
        id,
        'data-setting': key,
        'aria-describedby': `${id}-hint${locked ? ` ${id}-locked` : ''}`,
        checked: settings[key],
        disabled: locked,
        onchange: (event) => {
          const checked = (event.target as HTMLInputElement).checked;
          void ctx.edit((draft) => ({ ...draft, [key]: checked }));
        },
      }),
      h(
        'div',
        null,
        h('label', { for: id }, label),
        locked ? lockedLabel(ctx, `${id}-locked`) : null,
        h('p', { class: 'hint', id: `${id}-hint` }, hint),
      ),
    );
  };

  const languages: [LanguageChoice, string][] = [
    ['page', t('languagePage')],
    ['en', 'English'],
    ['zh', '中文'],
  ];
  const languageName = uniqueId('language');
  return h(
    'section',
    { class: 'card', id: 'general', 'aria-labelledby': 'general-title' },
    h('h2', { id: 'general-title' }, t('generalTitle')),
    switchRow('enabled', t('enabledLabel'), t('enabledHint')),
    switchRow('showAllowed', t('showAllowedLabel'), t('showAllowedHint')),
    h(
      'fieldset',
      { class: 'option-group' },
      h('legend', null, t('languageLabel'), locks.language ? lockedLabel(ctx, `${languageName}-locked`) : null),
      languages.map(([value, label]) =>
        h(
          'label',
          { class: 'radio', lang: value === 'zh' ? 'zh-CN' : value === 'en' ? 'en' : null },
          h('input', {
            type: 'radio',
            name: languageName,
            value,
            'data-setting': 'language',
            checked: settings.language === value,
            disabled: locks.language,
            onchange: async () => {
              await ctx.edit((draft) => ({ ...draft, language: value }));
              // The page speaks the chosen language at once.
              await ctx.rerender();
            },
          }),
          label,
        ),
      ),
      h('p', { class: 'hint' }, t('languageHint')),
    ),
  );
}
