/** `dxpulse extract FILE [--json]`: a plan document's proposed targets and tasks, without a database. */
import { kindName } from '../../domain/extract/header.ts';
import { extractDocumentFile } from '../extract/extractFile.ts';
import { ProblemError } from '../http/problem.ts';
import { translate } from '../http/messages.ts';

export async function runExtract(file: string, options: { json: boolean }): Promise<void> {
  let extracted: Awaited<ReturnType<typeof extractDocumentFile>>;
  try {
    extracted = await extractDocumentFile(file);
  } catch (error) {
    if (error instanceof ProblemError) {
      console.error(`Lỗi: ${translate('vi', error.key, error.params)}`);
      process.exitCode = 1;
      return;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`Lỗi: không tìm thấy tệp ${file}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const { output, result } = extracted;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  const d = output.document;
  console.log(`${kindName(d.kind) ?? 'Văn bản'} ${d.number ?? '(không rõ số)'} — ${d.issuer ?? '(không rõ cơ quan ban hành)'}, ${d.date ?? '(không rõ ngày)'}`);
  if (d.title) console.log(d.title);
  console.log(`\n${output.targets.length} chỉ tiêu:`);
  for (const t of output.targets) {
    const value = t.max !== null ? `${t.value}–${t.max}` : `${t.comparator === '>=' ? '≥' : t.comparator === '<=' ? '≤' : t.comparator} ${t.value}`;
    console.log(`  ${t.ref.padEnd(14)} ${value}${t.unit === 'rank' ? ' (thứ hạng)' : t.unit === '%' ? '%' : ` ${t.unit}`}  ${t.year ?? '—'}${t.scope ? ` [${t.scope}]` : ''}  ${t.indicator}`);
  }
  console.log(`\n${output.tasks.length} nhiệm vụ:`);
  for (const t of output.tasks) console.log(`  ${t.ref.padEnd(14)} ${t.title.slice(0, 90)}${t.lead.length ? `\n  ${''.padEnd(14)} chủ trì: ${t.lead.join('; ')}${t.cooperating.length ? `; phối hợp: ${t.cooperating.join('; ')}` : ''}` : ''}`);
  if (result.ocr) console.log(`\nVăn bản nhận dạng ký tự (OCR): ${result.corrections.length} chỗ đã khôi phục dấu, cần người rà soát.`);
}
