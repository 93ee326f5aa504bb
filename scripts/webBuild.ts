import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when app/dist is missing or older than any source file of the web app. */
export function webBuildIsStale(root: string): boolean {
  const index = path.join(root, 'app', 'dist', 'index.html');
  if (!fs.existsSync(index)) return true;
  return newestMtime(path.join(root, 'app')) > fs.statSync(index).mtimeMs;
}
