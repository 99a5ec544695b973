// "Page through for me": clicks the console's own next-page control, waits for each page to render
// and be read, and stops at the last page, after 100 pages, when a page does not change, or when
// cancelled. It clicks nothing but that control.
import { disabledClassPattern, nextPageSelector } from '../console/selectors';
import type { PageThroughStatus } from '../messaging/protocol';

export const MAX_PAGES = 100;
/** How long a click may take to show the next page before paging stops. */
const PAGE_TIMEOUT_MS = 10_000;
const POLL_MS = 100;

export type { PageThroughStatus };
type PageThroughState = PageThroughStatus['state'];

export interface PageThroughDeps {
  doc: Document;
  /** The keys of the rows read now, in one string; undefined while nothing is read. */
  pageKey(): string | undefined;
  /** Called once per page, the first included, when its rows are read. */
  onPage(): void;
  wait(ms: number): Promise<void>;
  /** False once the content script is stopped. */
  alive(): boolean;
}

const isDisabled = (element: Element) =>
  element.hasAttribute('disabled') ||
  element.getAttribute('aria-disabled') === 'true' ||
  disabledClassPattern.test(element.getAttribute('class') ?? '');

/** The pager's next-page control, when the page shows one; `enabled` false on the last page. */
export function findNextPage(doc: Document): { control: HTMLElement; enabled: boolean } | undefined {
  const controls = [...doc.querySelectorAll<HTMLElement>(nextPageSelector)];
  const control = controls.find((candidate) => !isDisabled(candidate)) ?? controls[0];
  return control ? { control, enabled: !isDisabled(control) } : undefined;
}

/** Clicks the control as a user would; a `javascript:` link is not followed (the console's handler does the paging). */
function press(control: HTMLElement): void {
  const keepPage = (event: Event) => event.preventDefault();
  const scriptLink = /^javascript:/i.test(control.getAttribute('href') ?? '');
  if (scriptLink) control.addEventListener('click', keepPage, { once: true });
  control.click();
  if (scriptLink) control.removeEventListener('click', keepPage);
}

export function createPageThrough(deps: PageThroughDeps) {
  let status: PageThroughStatus = { state: 'idle', pages: 0 };
  let run = 0;

  /** Waits until the rows differ from `before` and stay the same for two polls; false on timeout or cancel. */
  const nextPageShown = async (before: string | undefined, id: number): Promise<boolean> => {
    let last: string | undefined;
    for (let waited = 0; waited < PAGE_TIMEOUT_MS; waited += POLL_MS) {
      await deps.wait(POLL_MS);
      if (id !== run || !deps.alive()) return false;
      const now = deps.pageKey();
      if (now !== undefined && now !== before && now === last) return true;
      last = now;
    }
    return false;
  };

  const go = async (id: number) => {
    const end = (state: PageThroughState, reason?: PageThroughStatus['reason']) => {
      if (id === run) status = { state, pages: status.pages, ...(reason && { reason }) };
    };
    deps.onPage();
    status = { state: 'running', pages: 1 };
    while (id === run && deps.alive()) {
      if (status.pages >= MAX_PAGES) return end('stopped', 'limit');
      const next = findNextPage(deps.doc);
      if (!next) return end('done', status.pages === 1 ? 'no-pager' : 'last-page');
      if (!next.enabled) return end('done', 'last-page');
      const before = deps.pageKey();
      press(next.control);
      if (!(await nextPageShown(before, id))) return id === run ? end('stopped', 'no-change') : undefined;
      deps.onPage();
      status = { state: 'running', pages: status.pages + 1 };
    }
  };

  return {
    start(): PageThroughStatus {
      if (status.state === 'running') return status;
      const id = ++run;
      void go(id).catch(() => {
        if (id === run) status = { state: 'stopped', pages: status.pages, reason: 'no-change' };
      });
      return status;
    },
    cancel(): PageThroughStatus {
      if (status.state === 'running') {
        run++;
        status = { state: 'cancelled', pages: status.pages };
      }
      return status;
    },
    status: (): PageThroughStatus => status,
  };
}

export type PageThrough = ReturnType<typeof createPageThrough>;
