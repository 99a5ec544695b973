// Runs one of the CLIs as a user runs it, in a process of its own, and measures it: wall time, exit
// code, first line on stderr, and peak resident memory (VmHWM) read from /proc while it runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

export interface CliRun {
  seconds: number;
  /** Peak resident memory of the CLI's process, in MiB; null where /proc is missing. */
  peakMiB: number | null;
  exitCode: number | null;
  /** The CLI's first line on stderr (its refusal, when it refuses). */
  message: string;
}

function peakMiB(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** `script` (under scripts/) with `args`; its output is not kept. */
export async function measureCli(script: string, args: readonly string[]): Promise<CliRun> {
  const started = performance.now();
  // node itself with tsx's loader, not the tsx wrapper: the process measured is the one that reads.
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak: number | null = null;
  const watch = setInterval(() => {
    const now = child.pid ? peakMiB(child.pid) : null;
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 50);
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(watch);
  return { seconds: (performance.now() - started) / 1000, peakMiB: peak, exitCode, message: stderr.split('\n')[0] ?? '' };
}
