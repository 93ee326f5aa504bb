/**
 * `npm run eval:extract`: scores the plan extractor against the hand-made answer keys in
 * ../shared/gold (or DXPULSE_GOLD_DIR), reading each seed document the way an upload is read.
 *
 * Targets: a prediction matches a key when value, max, year (where the key sets one) and scope
 * (where the key sets one) are equal and the indicator wording overlaps (at least half of the
 * shorter phrase's content words, folded). Tasks match by reference (đ kept apart from d).
 * Lead agencies: per key task with a lead, the predicted set must equal the key's set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateExtraction, type GoldDocument } from '../domain/extract/evaluation.ts';
import { extractDocumentFile } from '../server/extract/extractFile.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.DXPULSE_SHARED_DIR ?? path.resolve(root, '..', 'shared');
const fixtures = path.join(root, 'test', 'fixtures', 'plans');
const goldDir = process.env.DXPULSE_GOLD_DIR ?? (fs.existsSync(path.join(shared, 'gold')) ? path.join(shared, 'gold') : fixtures);
const seedDir = process.env.DXPULSE_SEED_DIR ?? (fs.existsSync(path.join(shared, 'seeds')) ? path.join(shared, 'seeds') : fixtures);

const AIMS: Record<string, { targetsF1?: number; leadAccuracy?: number }> = {
  '000': { targetsF1: 0.85 },
  '002': { targetsF1: 0.95, leadAccuracy: 0.9 },
};

async function main() {
  const asJson = process.argv.includes('--json');
  if (!fs.existsSync(goldDir)) {
    console.error(`Không tìm thấy thư mục đáp án: ${goldDir} (đặt DXPULSE_GOLD_DIR).`);
    process.exitCode = 2;
    return;
  }
  const rows: Record<string, unknown>[] = [];
  for (const file of fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const base = file.replace(/\.json$/, '');
    const seed = fs.readdirSync(seedDir).find((f) => f.startsWith(`${base}.`) && !f.endsWith('.json'));
    if (!seed) continue;
    const gold = JSON.parse(fs.readFileSync(path.join(goldDir, file), 'utf8')) as GoldDocument;
    const started = performance.now();
    const { output } = await extractDocumentFile(path.join(seedDir, seed));
    const ms = performance.now() - started;
    const score = evaluateExtraction(output, gold);
    const id = base.slice(0, 3);
    rows.push({ document: base, ms: Math.round(ms), ...score, aims: AIMS[id] ?? {} });
  }
  if (asJson) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const pct = (x: number) => x.toFixed(3);
  for (const row of rows as unknown as (ReturnType<typeof evaluateExtraction> & { document: string; ms: number; aims: { targetsF1?: number; leadAccuracy?: number } })[]) {
    console.log(`\n${row.document}  (${row.ms} ms)`);
    console.log(`  văn bản      số ${row.document_.number ? 'đúng' : 'sai'}, loại ${row.document_.kind ? 'đúng' : 'sai'}, ngày ${row.document_.date ? 'đúng' : 'sai'}, cơ quan ${row.document_.issuer ? 'đúng' : 'sai'}, tiêu đề ${row.document_.title ? 'đúng' : 'sai'}`);
    console.log(`  chỉ tiêu     P ${pct(row.targets.precision)}  R ${pct(row.targets.recall)}  F1 ${pct(row.targets.f1)}  (${row.targets.matched}/${row.targets.gold} đáp án, ${row.targets.predicted} dự đoán)${row.aims.targetsF1 ? `  mục tiêu F1 ≥ ${row.aims.targetsF1}` : ''}`);
    console.log(`  nhiệm vụ     P ${pct(row.tasks.precision)}  R ${pct(row.tasks.recall)}  F1 ${pct(row.tasks.f1)}  (${row.tasks.matched}/${row.tasks.gold} đáp án, ${row.tasks.predicted} dự đoán)`);
    console.log(`  chủ trì      độ chính xác ${pct(row.leads.accuracy)}  (${row.leads.correct}/${row.leads.gold} nhiệm vụ có đơn vị chủ trì)${row.aims.leadAccuracy ? `  mục tiêu ≥ ${row.aims.leadAccuracy}` : ''}`);
    if (process.argv.includes('--verbose')) {
      for (const miss of row.targets.missed) console.log(`    thiếu chỉ tiêu ${miss}`);
      for (const extra of row.targets.extra) console.log(`    thừa chỉ tiêu ${extra}`);
      for (const miss of row.tasks.missed) console.log(`    thiếu nhiệm vụ ${miss}`);
      for (const extra of row.tasks.extra) console.log(`    thừa nhiệm vụ ${extra}`);
      for (const wrong of row.leads.wrong) console.log(`    sai chủ trì ${wrong}`);
    }
  }
}

void main();
