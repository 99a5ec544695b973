// For the demo and the screenshots: build the Chrome extension when there is none yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function ensureChromeBuild(repoRoot: string, buildDir: string): void {
  if (existsSync(join(buildDir, 'manifest.json'))) return;
  console.log(`No build in ${buildDir}: running npm run build`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}
