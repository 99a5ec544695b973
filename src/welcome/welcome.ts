// The first-run page, opened once after install (src/background/first-run.ts): what the extension
// does, where it works, the way to the Unsubscriptions page on either site, and the privacy promise.
import { browser } from 'wxt/browser';
import { unsubscriptionsUrl, type ConsoleSite } from '../console/route';
import { uiLanguage } from '../i18n/language';
import { loadTranslator, type Translate } from '../i18n/messages';
import { loadSettings } from '../settings/storage';
import { h, replaceChildren } from '../ui/dom';

const sites: readonly ConsoleSite[] = ['intl', 'china'];

/** The toolbar button's keyboard shortcut as the browser has it ('' when the user removed it). */
async function toolbarShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === '_execute_action' || command.name === '_execute_browser_action')?.shortcut ?? '';
  } catch {
    return '';
  }
}

export function welcomeView(t: Translate, shortcut: string): HTMLElement[] {
  const section = (title: string, ...children: (HTMLElement | null)[]) => h('section', { class: 'card' }, h('h2', null, title), children);
  return [
    h('header', { class: 'welcome-head' }, h('img', { src: '/icon/128.png', alt: '', width: 48, height: 48 }), h('h1', null, t('welcomeTitle'))),
    h('p', { class: 'lead' }, t('welcomeIntro')),
    section(
      t('welcomeWhereTitle'),
      h('p', null, t('welcomeWhere')),
      h(
        'ul',
        { class: 'site-links' },
        sites.map((site) =>
          h(
            'li',
            null,
            h(
              'a',
              { href: unsubscriptionsUrl(site), 'data-site': site, class: 'open-page' },
              t(site === 'china' ? 'openUnsubscriptionsChina' : 'openUnsubscriptionsIntl'),
            ),
          ),
        ),
      ),
    ),
    section(
      t('welcomeHowTitle'),
      h('p', null, t('welcomeHowBadges')),
      h('p', null, t('welcomeHowPopup'), shortcut ? ' ' + t('welcomeShortcut', shortcut) : ''),
      h('p', null, h('a', { href: '/options.html', 'data-action': 'options' }, t('welcomeOptions'))),
    ),
    section(t('welcomePrivacyTitle'), h('p', { 'data-privacy': '' }, t('welcomePrivacy'))),
  ];
}

export async function mountWelcome(root: HTMLElement): Promise<void> {
  const [{ settings }, shortcut] = await Promise.all([loadSettings(), toolbarShortcut()]);
  const lang = uiLanguage(settings.language);
  const t = await loadTranslator(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('welcomeTitle');
  replaceChildren(root, welcomeView(t, shortcut));
}
