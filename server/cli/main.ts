/** `dxpulse` — serve, migrate, seed-demo, seed-units, bench, extract. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { serve } from '../serve.ts';
import { ensureAdmin, grantAdminOnRoots } from '../seed/bootstrap.ts';
import { isEmpty, seedDemo } from '../seed/demo.ts';
import { seedUnits } from '../seed/units.ts';

const USAGE = `Cách dùng: dxpulse <lệnh> [tùy chọn]

  serve                      chạy máy chủ web (PORT, mặc định 8080)
  migrate                    áp dụng các migration còn thiếu
  seed-demo                  nạp dữ liệu mẫu Hải Phòng (vào cơ sở dữ liệu trống)
  seed-units --province 31   nạp đơn vị hành chính 2025 của một tỉnh, hoặc --province all
  bench                      chạy các phép đo hiệu năng (xem docs/benchmarks.md)
  extract TỆP [--json]       đọc văn bản kế hoạch (.txt, .md, .docx, .pdf) và đề xuất chỉ tiêu, nhiệm vụ
  report --plan SỐ --period KỲ --out TỆP.docx [--pdf]
                             báo cáo tình hình thực hiện kế hoạch trong kỳ (2025Q3, 2025S1, 2025) theo
                             Nghị định 30/2020/NĐ-CP; ghi thêm phụ lục TỆP.xlsx bên cạnh (và TỆP.pdf với
                             --pdf khi có LibreOffice)

Biến môi trường: DATABASE_URL, DXPULSE_DATA_DIR, PORT, DXPULSE_ADMIN_PASSWORD, DXPULSE_DEMO=0`;

async function withDatabase<T>(fn: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config, (l) => console.log(l));
  try {
    await migrate(handle.pool);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const config = loadConfig();
        const { values } = parseArgs({ args: rest, options: { port: { type: 'string' } } });
        if (values.port) config.port = Number(values.port);
        const server = await serve(config);
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => {
            console.log('Đang dừng DX Pulse…');
            void server.stop().then(() => process.exit(0));
          });
        }
        return;
      }
      case 'migrate': {
        await withDatabase(async (h) => {
          const { applied } = await migrate(h.pool);
          console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        });
        return;
      }
      case 'seed-demo': {
        await withDatabase(async (h) => {
          if (!(await isEmpty(h.db))) {
            console.log('Cơ sở dữ liệu đã có đơn vị; bỏ qua dữ liệu mẫu.');
            return;
          }
          await seedDemo(h.db, (l) => console.log(l));
          const admin = await ensureAdmin(h.db, process.env.DXPULSE_ADMIN_PASSWORD);
          if (admin.generatedPassword) console.log(`Tài khoản quản trị: admin / ${admin.generatedPassword}`);
        });
        return;
      }
      case 'seed-units': {
        const { values } = parseArgs({ args: rest, options: { province: { type: 'string', default: '31' } } });
        await withDatabase(async (h) => {
          const result = await seedUnits(h.db, values.province!);
          await grantAdminOnRoots(h.db);
          console.log(
            `Đã nạp ${result.provinces} tỉnh/thành phố, ${result.units} đơn vị, ${result.closedUnits} đơn vị cũ, ${result.lineage} quan hệ kế thừa.` +
              (result.skipped.length ? ` Bỏ qua (đã có): ${result.skipped.join(', ')}.` : ''),
          );
        });
        return;
      }
      case 'extract': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
        const file = positionals[0];
        if (!file) {
          console.error('Thiếu tệp: dxpulse extract TỆP [--json]');
          process.exitCode = 2;
          return;
        }
        const { runExtract } = await import('./extract.ts');
        await runExtract(file, { json: Boolean(values.json) });
        return;
      }
      case 'report': {
        const { values } = parseArgs({ args: rest, options: { plan: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'boolean', default: false } } });
        if (!values.plan || !values.period || !values.out) {
          console.error('Thiếu tham số: dxpulse report --plan SỐ --period KỲ --out TỆP.docx [--pdf]');
          process.exitCode = 2;
          return;
        }
        const { runReport } = await import('./report.ts');
        await withDatabase((h) => runReport(h.db, { plan: values.plan!, period: values.period!, out: values.out!, pdf: values.pdf }));
        return;
      }
      case 'bench': {
        const { runBenchmarks } = await import('../bench/run.ts');
        await runBenchmarks(rest);
        return;
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return;
      default:
        console.error(`Lệnh không hợp lệ: ${command}\n\n${USAGE}`);
        process.exitCode = 2;
    }
  } catch (error) {
    console.error(`Lỗi: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
