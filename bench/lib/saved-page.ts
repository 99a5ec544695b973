// The scan CLI over the largest page a user has saved: 41 MB, 20,000 rows of the console's TinyUI
// markup. It must be read in under 30 s and 1 GB of memory, or refused at once (exit 2) with a
// message naming the limit. Run as a user runs it, in a process of its own, its peak memory read from
// /proc while it runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SavedPageCase {
  bytes: number;
  rows: number;
  seconds: number;
  /** Peak resident memory of the CLI's process (VmHWM), in MiB; null where /proc is missing. */
  peakMiB: number | null;
  exitCode: number | null;
  /** The CLI's first line on stderr (its refusal, when it refuses). */
  message: string;
}

const root = resolve(fileURLToPath(import.meta.url), '../../..');
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

export function peakMiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function savedPageCase(): Promise<SavedPageCase> {
  const dir = mkdtempSync(join(tmpdir(), 'unsub-lens-saved-page-'));
  try {
    const file = join(dir, 'unsubscriptions-41mb.html');
    writeFileSync(file, savedPage(ROWS, TARGET_BYTES));
    const bytes = statSync(file).size;
    const started = performance.now();
    // node itself with tsx's loader, not the tsx wrapper: the process measured is the one that reads.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', '--json', file], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peak: number | null = null;
    const watch = setInterval(() => {
      const now = child.pid ? peakMiB(child.pid) : null;
      if (now !== null) peak = Math.max(peak ?? 0, now);
    }, 50);
    const exitCode = await new Promise<number | null>((done) => child.on('close', done));
    clearInterval(watch);
    return { bytes, rows: ROWS, seconds: (performance.now() - started) / 1000, peakMiB: peak, exitCode, message: stderr.split('\n')[0] ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
