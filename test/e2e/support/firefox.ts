// Firefox ESR with the MV2 build, through `web-ext run` (Playwright cannot drive stock Firefox):
// headless, in a fresh profile that trusts the test certificate for the console hosts, with the
// hosts sent to the fixture server through a proxy. A test script in the served page reports back.
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleHosts, type Certificate } from './certificate';

export const firefoxPath = '/usr/bin/firefox-esr';

export interface FirefoxRun {
  /** What web-ext printed. */
  readonly output: string[];
  stop(): Promise<void>;
}

export interface FirefoxOptions {
  repoRoot: string;
  /** Absolute path of .output/firefox-mv2. */
  extensionDir: string;
  /** Each opens in its own tab. */
  startUrls: string[];
  certificate: Certificate;
  proxyPort: number;
  /** Hard limit for the whole run, enforced by coreutils' timeout. */
  timeoutSeconds: number;
}

/** cert_override.txt: the profile accepts this one certificate for the console hosts. */
function certificateOverrides(certificate: Certificate): string {
  const fingerprint = new X509Certificate(certificate.cert).fingerprint256;
  const lines = consoleHosts.map((host) => `${host}:443:\tOID.2.16.840.1.101.3.4.2.1\t${fingerprint}\t`);
  return ['# PSM Certificate Override Settings file', '# This is a generated file!  Do not edit.', ...lines, ''].join('\n');
}

export function startFirefox(options: FirefoxOptions): FirefoxRun {
  if (!existsSync(firefoxPath)) throw new Error(`${firefoxPath} is missing: apt-get install -y firefox-esr`);
  if (!existsSync(join(options.extensionDir, 'manifest.json')))
    throw new Error(`no build in ${options.extensionDir}: run npm run build:firefox first`);
  const home = mkdtempSync(join(tmpdir(), 'unsub-lens-firefox-'));
  const profile = join(home, 'profile');
  mkdirSync(profile);
  writeFileSync(join(profile, 'cert_override.txt'), certificateOverrides(options.certificate));

  const prefs = [
    'network.proxy.type=1',
    'network.proxy.ssl=127.0.0.1',
    `network.proxy.ssl_port=${options.proxyPort}`,
    'network.proxy.no_proxies_on=',
    'network.proxy.allow_hijacking_localhost=true',
  ];
  const webExt = join(options.repoRoot, 'node_modules/.bin/web-ext');
  const args = [
    String(options.timeoutSeconds),
    webExt,
    'run',
    '--source-dir',
    options.extensionDir,
    '--firefox',
    firefoxPath,
    '--firefox-profile',
    profile,
  ];
  args.push('--no-input', '--no-reload', ...options.startUrls.flatMap((url) => ['--start-url', url]), ...prefs.flatMap((pref) => ['--pref', pref]));
  // Its own process group, so stopping it stops Firefox too.
  const child: ChildProcess = spawn('timeout', args, {
    env: { ...process.env, MOZ_HEADLESS: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (data: Buffer) => output.push(data.toString()));
  child.stderr?.on('data', (data: Buffer) => output.push(data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    output,
    async stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
