// Which sub-tab of Unsubscriptions the page shows, where that changes what a row means: the rows
// of the China site's "Five-Day Unconditional" (可五天无理由退订) tab can be unsubscribed in full.
import { fiveDayTabTexts, selectedTabSelector } from '../console/selectors';

/** Whether a selected tab of `doc` is the five-day one. */
export function onFiveDayTab(doc: Document): boolean {
  for (const tab of doc.querySelectorAll(selectedTabSelector)) {
    const text = (tab.textContent ?? '').normalize('NFKC').toLowerCase();
    if (fiveDayTabTexts.some((phrase) => text.includes(phrase))) return true;
  }
  return false;
}
