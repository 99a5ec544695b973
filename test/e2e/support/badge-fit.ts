// How each badge sits in its cell, read in the page: what a user sees of it in the console's narrow,
// overflow-hidden cells, whatever the width and zoom.

/** What the badge shows: its short word (with the icon), the icon alone, or only a mark in its colour. */
export type BadgeForm = 'word' | 'icon' | 'mark';

export interface BadgeFit {
  /** The button's text, the verdict's short word. */
  label: string;
  form: BadgeForm;
  /** Room between the badge's edges and its cell's; negative where the cell's overflow cuts the badge off. */
  left: number;
  right: number;
  /** The word or icon shown does not fit its badge (part of it would be clipped). */
  cut: boolean;
  /** The cell's width, for messages. */
  cell: number;
  /** The width the badge's icon and word need on one line, and the width the cell's content gives it. */
  needs: number;
  room: number;
}

/** Runs in the page: how every badge of class `badgeClass` sits in its cell. */
export function badgeFits(badgeClass: string): BadgeFit[] {
  return [...document.querySelectorAll(`.${badgeClass}`)].map((host) => {
    const cell = host.parentElement!.getBoundingClientRect();
    const button = host.shadowRoot!.querySelector('button')!;
    const badge = button.getBoundingClientRect();
    // The word shows where its text lies inside the button; wrapped below it, it is out of sight.
    const range = document.createRange();
    range.selectNodeContents(button);
    const text = range.getBoundingClientRect();
    const wordShown = text.width > 0 && text.top >= badge.top && text.bottom <= badge.bottom + 0.5;
    const icon = getComputedStyle(button, '::before').content;
    const form: BadgeForm = wordShown ? 'word' : icon === 'none' || icon === 'normal' ? 'mark' : 'icon';
    // The same button laid out with no width limit, out of sight, tells what the word needs.
    const probe = button.cloneNode(true) as HTMLElement;
    probe.style.cssText = 'position:absolute;visibility:hidden;max-width:none;width:auto';
    host.shadowRoot!.append(probe);
    const needs = Math.ceil(probe.getBoundingClientRect().width);
    probe.remove();
    return {
      label: button.textContent ?? '',
      form,
      left: Math.round(badge.left - cell.left),
      right: Math.round(cell.right - badge.right),
      // A shown word must end inside the button; an icon needs its glyph and paddings (about 19 px).
      cut: wordShown ? text.right > badge.right + 0.5 : form === 'icon' && badge.width < 18,
      cell: Math.round(cell.width),
      needs,
      room: Math.floor(host.getBoundingClientRect().width),
    };
  });
}
