// A tiny element builder for the popup and the options page. Text always goes in through
// textContent (text nodes), never as HTML, so page and rule text cannot become markup.

export type Child = Node | string | number | null | undefined | false | readonly Child[];
/** An event handler; one that returns a promise (a save, a copy) has its failure logged, never lost. */
type Listener = (event: Event) => void | Promise<void>;
export type Props = Record<string, string | number | boolean | null | undefined | Listener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      if (!key.startsWith('on')) throw new Error(`h(): only on* props take a function, not ${key}`);
      element.addEventListener(key.slice(2).toLowerCase(), (event) => {
        const done = value(event);
        if (done instanceof Promise) done.catch((error: unknown) => console.error(error));
      });
    } else if (key === 'class') element.className = String(value);
    else if (key === 'value') (element as HTMLInputElement).value = String(value);
    else if (value === true) {
      // checked, disabled, hidden, open ...: the property where there is one, else a bare attribute.
      if (key in element) (element as unknown as Record<string, boolean>)[key] = true;
      else element.setAttribute(key, '');
    } else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, children);
}

let nextId = 0;
/** A document-unique id for aria-* references. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++nextId}`;
}

/** Only http(s) addresses become links; anything else stays text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A link that opens in a new tab without giving the opened page a handle on this one. */
export function externalLink(url: string, text: string, props: Props = {}): HTMLElement {
  if (!isWebUrl(url)) return h('span', null, text);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', ...props }, text);
}
