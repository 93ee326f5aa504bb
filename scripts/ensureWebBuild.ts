/** Builds the web app before `npm start` when app/dist is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webBuildIsStale } from './webBuild.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!fs.existsSync(path.join(root, 'app', 'vite.config.ts'))) {
  console.warn('Không có app/vite.config.ts: bỏ qua build giao diện.');
} else if (webBuildIsStale(root)) {
  console.log('Đang build giao diện web (lần đầu mất khoảng nửa phút)…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'app/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
