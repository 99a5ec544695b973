// A throwaway certificate for the console's two hosts, made with openssl at test time. Chromium wants
// the names in subjectAltName (the common name alone is no longer checked).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const consoleHosts = ['account.huaweicloud.com', 'account-intl.huaweicloud.com'] as const;

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

export function makeCertificate(dir: string): Certificate {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const altNames = consoleHosts.map((host) => `DNS:${host}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      `/CN=${consoleHosts[0]}`,
      '-addext',
      `subjectAltName=${altNames}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
