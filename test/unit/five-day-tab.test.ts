// The China site's five-day sub-tab (可五天无理由退订): every allowed row there says it can be
// unsubscribed in full within 5x24 hours, with the rules and their source; off that tab, nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotator, type Annotator, type Timers } from '../../src/annotator/annotator';
import { badgeShadowRoot } from '../../src/badges/badge';
import { badgeText } from '../../src/badges/badge-text';
import { headerNames } from '../../src/console/columns';
import { onFiveDayTab } from '../../src/page/active-tab';
import { compileCatalog } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';
import { topicNote } from '../../src/rules/local-source';
import { reasonWords } from '../../src/rules/reason-words';
import type { Lang } from '../../src/rules/types';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures', `${name}.html`), 'utf8');
const fiveDayTopic = catalog.topics!.find((topic) => topic.id === 'five-day-no-reason')!;

function load(html: string) {
  // The body only, without the saved page's stylesheet links: they point at files that are not there.
  const parsed = new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, ''), 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

const timers: Timers = { frame: (cb) => void setTimeout(cb, 0), timeout: (cb) => void setTimeout(cb, 0) };
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

let annotator: Annotator | undefined;
afterEach(() => annotator?.stop());

async function annotate(lang: Lang, withNote = true) {
  annotator = createAnnotator(
    document,
    {
      compiled: compileCatalog(catalog, { lang }),
      lang,
      showAllowed: false,
      headers: headerNames(),
      words: badgeText[lang],
      ...(withNote && { fiveDayNote: topicNote(fiveDayTopic, lang, reasonWords[lang]) }),
    },
    timers,
  );
  annotator.start();
  await settle();
  return [...document.querySelectorAll('.unsub-lens-badge')].map((host) => badgeShadowRoot(host)!);
}

describe('the five-day sub-tab', () => {
  it('is recognized by its label, in English and Chinese, only when selected', () => {
    load(fixture('five-day-tab-zh'));
    expect(onFiveDayTab(document)).toBe(true);
    load(fixture('cn-zh-tiny'));
    expect(onFiveDayTab(document)).toBe(false);
    document.body.innerHTML = '<div role="tablist"><button role="tab" aria-selected="true">Five-Day Unconditional</button></div>';
    expect(onFiveDayTab(document)).toBe(true);
    document.body.innerHTML = '<div role="tablist"><button role="tab" aria-selected="false">Five-Day Unconditional</button></div>';
    expect(onFiveDayTab(document)).toBe(false);
  });

  it('gives each of its rows a badge that says so, and an explanation with the rules and their source', async () => {
    load(fixture('five-day-tab-zh'));
    const badges = await annotate('zh');
    expect(badges).toHaveLength(3);
    for (const shadow of badges) {
      const button = shadow.querySelector('button')!;
      expect(button.textContent).toBe('五天无理由');
      expect(button.getAttribute('aria-label')).toBe('五天无理由：五天无理由退订（中国站）');
    }
    // The rows stay allowed: the counts the popup shows do not change.
    expect([...document.querySelectorAll('[data-unsub-lens]')].map((row) => row.getAttribute('data-unsub-lens'))).toEqual([
      'allowed',
      'allowed',
      'allowed',
    ]);
    expect(annotator!.summary().counts).toMatchObject({ blocked: 0, caution: 0, elsewhere: 0, allowed: 3 });

    badges[0]!.querySelector('button')!.click();
    const panel = badges[0]!.querySelector('.panel')!;
    expect(panel.textContent).toContain('5×24 小时内可无理由退订');
    expect(panel.textContent).toContain('10 个实例');
    const links = [...panel.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.textContent).toBe('五天无理由退订 · 2024-06-28');
    expect(links[0]!.href).toBe('https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138805.html');
  });

  it('says nothing of five days on the other sub-tabs', async () => {
    load(fixture('cn-zh-tiny'));
    const badges = await annotate('zh');
    expect(badges.map((shadow) => shadow.querySelector('button')!.textContent)).not.toContain('五天无理由');
  });

  it('leaves a blocked row blocked on the five-day tab', async () => {
    load(fixture('five-day-tab-zh').replace('>弹性云服务器<', '>消息通知服务<'));
    const badges = await annotate('zh');
    expect(badges.map((shadow) => shadow.querySelector('button')!.textContent)).toEqual(['不可退订', '五天无理由', '五天无理由']);
  });
});
