/**
 * `dxpulse report --plan NUMBER --period ID --out FILE.docx`: the official report of a plan for a
 * period, written like the web page writes it (server/commands/officialReports.ts) — the saved
 * draft's header and narratives when there is one, otherwise those prefilled from the data — with
 * the XLSX appendix beside it (FILE.xlsx) and, with --pdf and LibreOffice installed, FILE.pdf. It
 * reads as the system: every task of the plan counts, whoever's scope it lies in.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { buildReportFiles, reportPeriod } from '../commands/officialReports.ts';
import type { CommandContext } from '../commands/context.ts';
import { ProblemError } from '../http/problem.ts';
import { translate } from '../http/messages.ts';
import { Access } from '../policies/access.ts';
import { pdfAvailable } from '../reports/pdf.ts';

export class CliError extends Error {}

export async function runReport(db: Db, options: { plan: string; period: string; out: string; pdf?: boolean }, log: (line: string) => void = console.log): Promise<string[]> {
  const plans = await db.selectFrom('plans').selectAll().where(sql<boolean>`lower(number) = lower(${options.plan.trim()})`).orderBy('id').execute();
  if (plans.length === 0) throw new CliError(`Không tìm thấy kế hoạch số «${options.plan}».`);
  if (plans.length > 1) log(`Có ${plans.length} văn bản số «${options.plan}»; dùng văn bản tạo trước (id ${plans[0]!.id}).`);
  const plan = plans[0]!;
  if (!/\.docx$/i.test(options.out)) throw new CliError(`Tệp ra phải có đuôi .docx: «${options.out}».`);
  if (options.pdf && !(await pdfAvailable())) throw new CliError(translate('vi', 'officialReport.pdfUnavailable'));
  const roots = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).execute();
  const ctx: CommandContext = {
    db,
    access: new Access({ userId: 0, username: 'dxpulse-cli', grants: roots.map((r) => ({ orgUnitId: r.id, role: 'admin' as const })), topAdmin: true }),
    meta: { ip: null, requestId: null },
  };
  let period;
  try {
    period = reportPeriod(plan, options.period);
  } catch (error) {
    if (error instanceof ProblemError) throw new CliError(translate('vi', error.key, error.params));
    throw error;
  }
  const out = await buildReportFiles(ctx, plan, period, { pdf: Boolean(options.pdf), onStep: (_s, progress) => log(`… ${progress}%`) });
  const docx = path.resolve(options.out);
  const written = [docx, docx.replace(/\.docx$/i, '.xlsx')];
  await fs.mkdir(path.dirname(docx), { recursive: true });
  await fs.writeFile(written[0]!, out.docx);
  await fs.writeFile(written[1]!, out.xlsx);
  if (out.pdf) {
    written.push(docx.replace(/\.docx$/i, '.pdf'));
    await fs.writeFile(written[2]!, out.pdf);
  }
  log(`Đã ghi ${written.join(', ')}`);
  return written;
}
