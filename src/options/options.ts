// The options page: every change is saved at once and the content script applies it live.
import { requestCatalog } from './catalog-source';
import type { Catalog } from '../rules/types';
import { loadTranslator } from '../i18n/messages';
import { uiLanguage } from '../i18n/language';
import { loadRejectedSettings, loadSettings, saveSettings, watchSettings } from '../settings/storage';
import { h, replaceChildren, type Child } from '../ui/dom';
import { createOptionsUi, type OptionsContext } from './context';
import { createSettingsStore, type SaveState, type SettingsStore } from './settings-store';
import { createRedrawGate } from './redraw-gate';
import { statusLine, type StatusLine } from './save-status';
import { generalView } from './general-view';
import { rulesView } from './rules-view';
import { userRulesView } from './user-rules-view';
import { headersView } from './headers-view';
import { backupView, loadProblemView } from './backup-view';
import { applyPolicy, hasPolicy, readManagedPolicy } from '../settings/managed-policy';
import { policyLocks, policyView } from './policy-view';
import { markCurrentSection, sideNav, watchCurrentSection } from './side-nav';

export interface OptionsPage {
  store: SettingsStore;
  /** Stops watching storage. */
  close(): void;
}

/** Identifies a focused control across a redraw, so focus stays where the user was. */
function focusKey(element: Element | null): string | null {
  if (!(element instanceof HTMLElement)) return null;
  for (const attribute of ['data-setting', 'data-rule', 'data-action', 'data-column']) {
    const value = element.getAttribute(attribute);
    if (value !== null) {
      const extra = element instanceof HTMLInputElement && element.type === 'radio' ? `][value="${element.value}"` : '';
      return `[${attribute}="${CSS.escape(value)}"${extra}]`;
    }
  }
  return null;
}

/** The header, the side navigation and the sections, `notices` above the sections. */
function drawPage(root: HTMLElement, ctx: OptionsContext, status: HTMLElement, notices: Child[]): void {
  const { t } = ctx;
  const sections = [policyView(ctx, ctx.managed), generalView(ctx), rulesView(ctx), userRulesView(ctx), headersView(ctx), backupView(ctx)].filter(
    (section): section is HTMLElement => section !== null,
  );
  const navigation = sections.map((section) => ({ id: section.id, title: section.querySelector('h2')?.textContent ?? section.id }));
  replaceChildren(
    root,
    h('header', { class: 'page-head' }, h('h1', null, t('extName'), ' ', h('span', { class: 'subtitle' }, t('optionsTitle'))), status),
    sideNav(t('sectionsNav'), navigation),
    h('div', { class: 'sections' }, notices, sections),
  );
  markCurrentSection(root);
}

export async function mountOptions(root: HTMLElement, options: { catalog?: Catalog } = {}): Promise<OptionsPage> {
  const received = options.catalog ?? (await requestCatalog());
  const catalog: Catalog = received ?? { edition: '', rules: [] };
  const [loaded, managed] = await Promise.all([loadSettings(), readManagedPolicy()]);
  // An unlocked policy is where a user who has saved nothing starts; their first save keeps it as theirs.
  if (!loaded.stored && !managed.policy.lock && hasPolicy(managed.policy)) {
    const { orgRules, ...seeded } = applyPolicy(loaded.settings, false, managed.policy);
    void orgRules;
    loaded.settings = seeded;
  }
  const locks = policyLocks(managed.policy);
  let problem = loaded.problem;
  let rejected = await loadRejectedSettings().catch(() => null);
  /** Whether the unusable value arrived while the page was open (this page's settings stay in use). */
  let seenWhileOpen = false;

  let status: StatusLine | undefined;
  let lastState: SaveState | undefined;
  const storage = { save: saveSettings, load: loadSettings };
  const store = createSettingsStore(loaded, storage, (state) => {
    lastState = state;
    status?.show(state);
  });

  const gate = createRedrawGate(window);
  const ui = createOptionsUi();
  const render = async () => {
    // A locked language is the page's language too.
    const lang = uiLanguage(locks.language && managed.policy.language ? managed.policy.language : store.draft.language);
    const t = await loadTranslator(lang);
    await gate.whenIdle();
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('extName')} - ${t('optionsTitle')}`;
    const focused = focusKey(document.activeElement);

    status = statusLine(t, () => void store.retry());
    // A failed save stays on screen across a redraw (a language change must not hide it).
    if (lastState?.state === 'error') status.show(lastState);

    const ctx: OptionsContext = {
      t,
      lang,
      catalog,
      store,
      managed,
      locks,
      ui,
      edit: (change) => store.edit(change),
      rerender: render,
      announce: (text) => status?.say(text),
    };
    drawPage(root, ctx, status.element, [
      received ? null : h('div', { class: 'notice', role: 'alert' }, t('catalogUnavailable')),
      loadProblemView(ctx, problem, rejected, seenWhileOpen, () => {
        problem = undefined;
        rejected = null;
      }),
    ]);
    if (focused) root.querySelector<HTMLElement>(focused)?.focus();
  };

  await render();
  const unwatchScroll = watchCurrentSection(root);
  const unwatch = watchSettings((next) => {
    // A value this version cannot fully use is not adopted: it was kept aside as it was read, and
    // the page says so (and how to keep it) instead of showing what could be salvaged of it.
    if (next.problem) {
      problem = next.problem;
      seenWhileOpen = true;
      void loadRejectedSettings()
        .catch(() => null)
        .then((kept) => {
          rejected = kept;
          return render();
        });
    } else if (store.external(next)) void render();
  });
  return {
    store,
    close() {
      unwatch();
      gate.stop();
      unwatchScroll();
    },
  };
}
