// Every resource the content script has seen on this tab's console page, while the user pages, sorts
// or filters: one entry per resource (its ID, else its name and order number), a resource seen again
// replacing its older reading in place. Held in memory only; nothing outlives the page.
import type { RowSummary, SeenCount } from '../messaging/protocol';

export type { SeenCount };

/** Beyond this many resources the oldest are forgotten (a page of 50 rows is 50). */
const MAX_SEEN = 100_000;

/** A short fingerprint of a page's set of rows (FNV-1a over the sorted keys). */
function pageFingerprint(rows: readonly RowSummary[]): number {
  let hash = 0x811c9dc5;
  for (const key of rows.map((row) => row.key).sort())
    for (let i = 0; i <= key.length; i++) hash = Math.imul(hash ^ (i < key.length ? key.charCodeAt(i) : 10), 0x01000193);
  return hash >>> 0;
}

export function createSeenResources(max = MAX_SEEN) {
  const seen = new Map<string, RowSummary>();
  const pages = new Set<number>();
  return {
    /** Records the rows one page shows now. */
    record(rows: readonly RowSummary[]): void {
      if (!rows.length) return;
      pages.add(pageFingerprint(rows));
      for (const row of rows) seen.set(row.key, row);
      for (const key of seen.keys()) {
        if (seen.size <= max) break;
        seen.delete(key);
      }
    },
    count(): SeenCount {
      return { resources: seen.size, pages: pages.size };
    },
    /** The resources in the order first seen, numbered from 0 as a page summary's rows are. */
    rows(): RowSummary[] {
      return [...seen.values()].map((row, index) => ({ ...row, index }));
    },
    clear(): void {
      seen.clear();
      pages.clear();
    },
  };
}

export type SeenResources = ReturnType<typeof createSeenResources>;
