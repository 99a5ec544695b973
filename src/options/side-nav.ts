// The options page's side navigation: one link per section, the section in view marked as current.
import { h } from '../ui/dom';

export interface NavSection {
  id: string;
  title: string;
}

export function sideNav(label: string, sections: readonly NavSection[]): HTMLElement {
  return h(
    'nav',
    { class: 'side-nav', 'aria-label': label },
    h(
      'ul',
      null,
      sections.map(({ id, title }) => h('li', null, h('a', { href: `#${id}`, 'data-nav': id }, title))),
    ),
  );
}

/** Below the sticky header, where a section scrolled to starts (html's scroll-padding-top). */
const HEAD_ROOM = 80;

/**
 * Marks the link of the section being read: the last one whose top has passed under the header; once
 * the page is scrolled to its end (a short last section never reaches the top), the section its link
 * led to, else the last.
 */
export function markCurrentSection(root: ParentNode, view: Window = window): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.side-nav a[data-nav]')];
  let current: HTMLAnchorElement | undefined = links[0];
  const atEnd = view.scrollY > 0 && view.innerHeight + view.scrollY >= view.document.documentElement.scrollHeight - 2;
  for (const link of links) {
    const section = view.document.getElementById(link.dataset.nav ?? '');
    if (section && (atEnd || section.getBoundingClientRect().top <= HEAD_ROOM)) current = link;
  }
  // At the end a section followed to by its link is the one being read, though it cannot reach the top.
  const followed = links.find((link) => `#${link.dataset.nav}` === view.location.hash);
  if (atEnd && followed) current = followed;
  for (const link of links) {
    if (link === current) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

/** Keeps the current section marked as the page scrolls (once a frame); answers how to stop. */
export function watchCurrentSection(root: ParentNode, view: Window = window): () => void {
  let frame = 0;
  const onScroll = () => {
    view.cancelAnimationFrame(frame);
    frame = view.requestAnimationFrame(() => markCurrentSection(root, view));
  };
  view.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    view.cancelAnimationFrame(frame);
    view.removeEventListener('scroll', onScroll);
  };
}
