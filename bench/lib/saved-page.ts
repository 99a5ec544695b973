// The scan CLI over the largest page a user has saved: 41 MB, 20,000 rows of the console's TinyUI
// markup. It must be read in under 30 s and 1 GB of memory, or refused at once (exit 2) with a
// message naming the limit. Run as a user runs it, in a process of its own, its peak memory read from
// /proc while it runs.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCli, type CliRun } from './measure-cli';

export interface SavedPageCase extends CliRun {
  bytes: number;
  rows: number;
}

const ROWS = 20_000;
const TARGET_BYTES = 41 * 2 ** 20;

/** A saved Unsubscriptions page of `rows` rows, padded per row with the attributes Angular writes, to about `target` bytes. */
function savedPage(rows: number, target: number): string {
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Unsubscriptions</title></head><body>
<ti-table class="ti3-table"><div class="ti3-table-fixed-head"><table><thead><tr>
<th>Resource Name/ID</th><th>Product Type</th><th>Billing Mode</th><th>Expiration Time</th><th>Status</th><th>Operation</th>
</tr></thead></table></div><div class="ti3-table-container"><table><tbody>`;
  const tail = '</tbody></table></div></ti-table></body></html>';
  const row = (i: number, padding: string) =>
    `<tr ${padding}><td><a>ecs-${i}</a><br><span>${String(i).padStart(8, '0')}-4c1e-9f00</span></td><td>${i % 7 ? 'Elastic Cloud Server' : 'Simple Message Notification'}</td>` +
    `<td>Yearly/Monthly</td><td>2027-01-0${(i % 9) + 1} 23:59:59</td><td>${i % 11 ? 'Normal' : 'Expired'}</td><td><a>Unsubscribe</a></td></tr>\n`;
  const bare = row(0, '').length;
  const perRow = Math.max(0, Math.floor((target - head.length - tail.length) / rows) - bare);
  const attribute = ' _ngcontent-ng-c1234567890=""';
  const padding = `class="ti3-table-tr"${attribute.repeat(Math.ceil(perRow / attribute.length))}`.slice(0, perRow);
  const parts = [head];
  for (let i = 0; i < rows; i++) parts.push(row(i, padding));
  parts.push(tail);
  return parts.join('');
}

export async function savedPageCase(): Promise<SavedPageCase> {
  const dir = mkdtempSync(join(tmpdir(), 'unsub-lens-saved-page-'));
  try {
    const file = join(dir, 'unsubscriptions-41mb.html');
    writeFileSync(file, savedPage(ROWS, TARGET_BYTES));
    const bytes = statSync(file).size;
    return { bytes, rows: ROWS, ...(await measureCli('scan.ts', ['--json', file])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
