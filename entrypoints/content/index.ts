// Wires the page code to the browser: active only on the Unsubscriptions route, follows settings
// live (the background reads them; see src/messaging/page-config.ts), answers the popup, and leaves
// nothing behind on route change or extension update.
//
// WXT's ctx is not used for timers, listeners or invalidation: a page script can invalidate it (see
// src/content/lifetime.ts), so the script keeps a lifetime of its own and everything it starts stops
// with that lifetime's signal.
import type { ContentRequest, PageConfig } from '@/src/messaging/protocol';
import { followPageConfig, requestPageConfig } from '@/src/messaging/page-config';
import { askBackground } from '@/src/messaging/send';
import { compileRules } from '@/src/rules/engine';
import { topicNote } from '@/src/rules/local-source';
import { createAnnotator, type Annotator, type AnnotatorOptions, type Timers } from '@/src/annotator/annotator';
import { claimLifetime } from '@/src/content/lifetime';
import { badgeLanguage } from '@/src/page/page-language';
import { isUnsubscriptionsRoute } from '@/src/console/route';
import { watchRoute } from '@/src/content/route-watcher';
import { createSeenResources } from '@/src/annotator/seen-resources';
import { createPageThrough } from '@/src/annotator/page-through';
import { answerPopup } from '@/src/annotator/popup-answers';

export default defineContentScript({
  matches: ['https://account.huaweicloud.com/usercenter/*', 'https://account-intl.huaweicloud.com/usercenter/*'],
  runAt: 'document_idle',
  // The page is not told that the extension is there.
  noScriptStartedPostMessage: true,
  main() {
    const lifetime = claimLifetime(globalThis, () => browser.runtime?.id != null);
    const { signal } = lifetime;
    const schedule: Timers = {
      frame: (callback) => void requestAnimationFrame(() => lifetime.alive() && callback()),
      timeout: (callback, ms) => void setTimeout(() => lifetime.alive() && callback(), ms),
    };

    // Until the background first answers there is no annotator, and the script stays out of the page.
    let config: PageConfig | undefined;
    let annotator: Annotator | undefined;
    // Kept across route changes, for as long as the console page stays loaded.
    const seen = createSeenResources();
    const recordPage = () => annotator?.isRunning && seen.record(annotator.summary().rows);
    const paging = createPageThrough({
      doc: document,
      pageKey: () =>
        annotator?.isRunning
          ? annotator
              .summary()
              .rows.map((row) => row.key)
              .join('\n') || undefined
          : undefined,
      onPage: recordPage,
      wait: (ms) => new Promise<void>((resolve) => void schedule.timeout(resolve, ms)),
      alive: () => lifetime.alive() && Boolean(annotator?.isRunning),
    });
    const onSettled = (count: number | null) => {
      if (count !== null) recordPage();
      void askBackground({ type: 'blocked-count', count });
    };

    const optionsFrom = (current: PageConfig): AnnotatorOptions => {
      const lang = badgeLanguage(current.language, document, navigator.language);
      return {
        compiled: compileRules(current.rules, lang, current.reasonWords[lang]),
        lang,
        showAllowed: current.showAllowed,
        headers: current.headers,
        words: current.words[lang],
        ...(current.fiveDayTopic && { fiveDayNote: topicNote(current.fiveDayTopic, lang, current.reasonWords[lang]) }),
      };
    };

    const sync = (href = location.href) => {
      if (!annotator || !config || !lifetime.alive()) return;
      if (config.enabled && isUnsubscriptionsRoute(href)) annotator.start();
      else annotator.stop();
    };
    watchRoute(window, sync, signal);

    const apply = (next: PageConfig) => {
      if (signal.aborted) return;
      config = next;
      if (annotator) annotator.update(optionsFrom(next));
      else annotator = createAnnotator(document, optionsFrom(next), schedule, onSettled);
      sync();
    };
    const wait = (ms: number) => new Promise<void>((resolve) => void schedule.timeout(resolve, ms));
    const stopFollowing = followPageConfig(
      apply,
      () => requestPageConfig(wait),
      (ms, then) => schedule.timeout(then, ms),
    );

    const onMessage = (message: unknown): Promise<unknown> | undefined => {
      const answer = answerPopup(message as ContentRequest | undefined, {
        running: annotator?.isRunning ? annotator : undefined,
        seen,
        paging,
        recordPage,
      });
      return answer === undefined ? undefined : Promise.resolve(answer);
    };
    browser.runtime.onMessage.addListener(onMessage);

    signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(onMessage);
        stopFollowing();
      } catch {
        // The extension is gone: its listeners went with it.
      }
      paging.cancel();
      annotator?.stop();
    });
  },
});
