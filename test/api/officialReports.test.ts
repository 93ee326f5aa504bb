/**
 * The official report (issue 6, points 3–4) of the demo's Kế hoạch 215/KH-UBND for quý III/2025:
 * the draft is prefilled, saved and reloaded; the generated DOCX is A4 with NĐ 30's margins in
 * Times New Roman, carries the header texts, sections, Nơi nhận and the signature block, and every
 * number of its tables equals the API's (tasks statistics, targets with /analytics figures, budget);
 * the XLSX appendix carries the same numbers; bad input and foreign scopes are refused in Vietnamese.
 * Where LibreOffice and pdftoppm are installed, page 1 is rendered to test-results/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { figure, targetText, viNumber, viPercent, QUOC_HIEU, TIEU_NGU } from '../../domain/officialReport.ts';
import { attainmentOf } from '../../domain/targets.ts';
import { marginTwips } from '../../server/reports/officialReportDocx.ts';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { auditSince, dbState, maxAuditId } from '../helpers/dbState.ts';

const PERIOD = '2025Q3';

/** Tables of document.xml as rows of cell texts (top-level tables only: none are nested). */
function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        [...c[1]!.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((p) => unescape([...p[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? "").join(''))).filter(Boolean).join('\n'),
      ),
    ),
  );
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(' '));

async function settle(api: TestApi, as: Session, job: { id: string; status: string }) {
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await api.call('GET', `/api/v1/report-jobs/${job.id}`, { as });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    seen.push(body.progress);
    if (body.status !== 'running') return { ...body, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('report job did not finish');
}

describe('official reports', () => {
  let api: TestApi;
  let coordinator: Session;
  let approver: Session;
  let wardAdmin: Session;
  let planId: number;
  let docx: Buffer;
  let xlsx: Buffer;
  let documentXml: string;

  before(async () => {
    api = await startTestApi();
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    approver = await api.login('pheduyet', DEMO_PASSWORD);
    wardAdmin = await api.login('quantri.duongkinh', DEMO_PASSWORD);
    const plans = (await api.call('GET', `/api/v1/plans?q=${encodeURIComponent('215/KH-UBND')}`, { as: coordinator })).json();
    planId = plans.items.find((p: { number: string }) => p.number === '215/KH-UBND').id;
  });
  after(() => api.close());

  it('prefills the draft from the data, saves it and reloads it', async () => {
    const first = await api.call('GET', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: coordinator });
    assert.equal(first.statusCode, 200, first.body);
    const view = first.json();
    assert.equal(view.saved, false);
    assert.equal(view.canWrite, true);
    assert.equal(view.period.label, 'Quý III/2025');
    assert.ok(view.periods.some((p: { id: string }) => p.id === '2025Q3'));
    assert.equal(view.draft.numberSymbol.trim(), '/BC-UBND');
    assert.equal(view.draft.issuerName, 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG');
    assert.match(view.draft.narratives.intro, /^Thực hiện Kế hoạch số 215\/KH-UBND ngày 25\/8\/2025 của Ủy ban nhân dân thành phố Hải Phòng về ứng dụng công nghệ thông tin/);
    assert.match(view.draft.narratives.results, /đã hoàn thành \d+\/\d+ nhiệm vụ/);

    const draft = {
      ...view.draft,
      numberSymbol: '125/BC-UBND',
      reportDate: '2025-10-07',
      signerName: 'Nguyễn Văn Thử',
      narratives: { ...view.draft.narratives, causes: 'Nguyên nhân do thử nghiệm: dòng một.\nDòng hai của nguyên nhân.', proposals: 'Đề nghị Bộ Khoa học và Công nghệ hướng dẫn.' },
    };
    const since = await maxAuditId(api.database.db);
    const saved = await api.call('PUT', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: coordinator, body: draft });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().saved, true);
    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => e.action), ['officialReport.draft']);

    const again = (await api.call('GET', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: approver })).json();
    assert.equal(again.saved, true);
    assert.equal(again.canWrite, false, 'an approver reads but does not write');
    assert.equal(again.draft.signerName, 'Nguyễn Văn Thử');
    assert.equal(again.draft.narratives.causes, draft.narratives.causes);
    assert.equal(again.updatedBy !== null, true);
  });

  it('generates a DOCX and an XLSX with progress, and audits it', async () => {
    const since = await maxAuditId(api.database.db);
    const start = await api.call('POST', `/api/v1/plans/${planId}/official-reports/${PERIOD}/generate`, { as: coordinator, body: {} });
    assert.equal(start.statusCode, 202, start.body);
    const job = start.json();
    assert.equal(job.status, 'running');
    assert.ok(['Thu thập số liệu', 'Tạo DOCX', 'Tạo phụ lục XLSX', 'Hoàn tất'].includes(job.stepText));
    const done = await settle(api, coordinator, job);
    assert.equal(done.status, 'done', done.error);
    assert.equal(done.progress, 100);
    assert.equal(done.stepText, 'Hoàn tất');
    assert.deepEqual(done.files.map((f: { kind: string }) => f.kind), ['docx', 'xlsx']);
    assert.deepEqual((await auditSince(api.database.db, since)).map((e) => e.action), ['officialReport.generate']);

    const d = await api.call('GET', `/api/v1/report-jobs/${job.id}/docx`, { as: coordinator });
    assert.equal(d.statusCode, 200);
    assert.match(String(d.headers['content-type']), /wordprocessingml/);
    assert.match(String(d.headers['content-disposition']), /Bao-cao-215-KH-UBND-2025Q3\.docx/);
    docx = d.rawPayload;
    const x = await api.call('GET', `/api/v1/report-jobs/${job.id}/xlsx`, { as: coordinator });
    assert.equal(x.statusCode, 200);
    xlsx = x.rawPayload;
    // Someone else's job is not theirs to read.
    assert.equal((await api.call('GET', `/api/v1/report-jobs/${job.id}`, { as: approver })).statusCode, 404);
    const pdf = await api.call('GET', `/api/v1/report-jobs/${job.id}/pdf`, { as: coordinator });
    assert.equal(pdf.statusCode, 404);
    assert.match(pdf.json().detail, /không có tệp PDF/);
  });

  it('writes A4, NĐ 30 margins, Times New Roman, the header, sections, Nơi nhận and signature', async () => {
    const zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    assert.match(documentXml, /<w:pgSz w:w="11906" w:h="16838"/);
    const m = marginTwips();
    const pgMar = /<w:pgMar ([^>]*)\/>/.exec(documentXml)![1]!;
    for (const [side, value] of Object.entries(m)) assert.match(pgMar, new RegExp(`w:${side}="${value}"`), side);
    assert.deepEqual(m, { top: 1133, bottom: 1133, left: 1700, right: 850 });
    assert.match(styles, /w:ascii="Times New Roman"/);
    const fonts = new Set([...documentXml.matchAll(/w:ascii="([^"]+)"/g)].map((x) => x[1]));
    assert.deepEqual([...fonts], ['Times New Roman']);
    // Body text 14 pt, the quốc hiệu 12 pt bold, the Nơi nhận heading 12 pt bold italic.
    assert.match(styles, /<w:sz w:val="28"\/>/);

    const tables = tablesOf(documentXml);
    const [head] = tables;
    assert.equal(head![0]![0], 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG');
    assert.equal(head![0]![1], `${QUOC_HIEU}\n${TIEU_NGU}`);
    assert.equal(head![1]![0], 'Số: 125/BC-UBND');
    assert.equal(head![1]![1], 'Hải Phòng, ngày 07 tháng 10 năm 2025');
    assert.match(documentXml, /<w:b\/>[\s\S]{0,200}<w:sz w:val="24"\/>[\s\S]{0,200}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(documentXml, /<w:i\/>[\s\S]{0,200}Hải Phòng, ngày 07/);

    const text = textOf(documentXml);
    for (const s of [
      'BÁO CÁO',
      'Tình hình thực hiện Kế hoạch số 215/KH-UBND quý III/2025',
      'I. KẾT QUẢ THỰC HIỆN QUÝ III/2025',
      '1. Tình hình thực hiện nhiệm vụ',
      '2. Kết quả thực hiện các chỉ tiêu',
      '3. Kinh phí thực hiện năm 2025',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. NHIỆM VỤ TRỌNG TÂM QUÝ IV/2025',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Dòng hai của nguyên nhân.',
      'Trên đây là báo cáo tình hình thực hiện Kế hoạch số 215/KH-UBND quý III/2025./.',
    ]) assert.ok(text.includes(s), s);

    const footer = tables[tables.length - 1]!;
    assert.match(footer[0]![0]!, /^Nơi nhận:\n- Thường trực Thành ủy;[\s\S]*- Lưu: VT\.$/);
    assert.equal(footer[0]![1], 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Thử');
    assert.match(documentXml, /<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/>[\s\S]{0,100}Nơi nhận:/);
  });

  it('prints the task statistics, targets and budget exactly as the API gives them', async () => {
    const tables = tablesOf(documentXml);
    const byHeader = (first: string) => tables.find((t) => t[0]![0] === first)!;

    const stats = (await api.call('GET', `/api/v1/tasks/statistics?plan=${planId}&asOf=2025-09-30`, { as: coordinator })).json().total;
    assert.ok(stats.assigned > 0);
    const tasks = byHeader('Được giao');
    assert.deepEqual(tasks[1], [stats.assigned, stats.completed.onTime, stats.completed.late, stats.inProgress.onTime, stats.inProgress.overdue, stats.notStarted, stats.paused, stats.notCarriedOut].map((v) => viNumber(v, 0)));
    assert.ok(textOf(documentXml).includes(`Tại Kế hoạch số 215/KH-UBND, thành phố được giao ${stats.assigned} nhiệm vụ, đã hoàn thành ${stats.completed.total} nhiệm vụ`));

    const targets = (await api.call('GET', `/api/v1/targets?plan=${planId}&year=2025&limit=1000`, { as: coordinator })).json().items;
    const rows = byHeader('STT').slice(1);
    assert.equal(rows.length, targets.length);
    assert.ok(targets.length >= 5);
    let withData = 0;
    for (const [i, t] of targets.entries()) {
      const indicator = (await api.call('GET', `/api/v1/indicators/${encodeURIComponent(t.indicator.code)}`, { as: coordinator })).json();
      const a = (await api.call('GET', `/api/v1/analytics?indicator=${encodeURIComponent(t.indicator.code)}&orgUnit=${t.orgUnit.code}&period=${PERIOD}`, { as: coordinator })).json();
      const row = rows[i]!;
      assert.equal(row[0], String(i + 1));
      assert.ok(row[1]!.startsWith(indicator.name), String(row[1]));
      assert.equal(row[3], targetText({ comparator: t.comparator, value: t.value, valueMax: t.valueMax, unit: indicator.unit, decimals: indicator.decimals }));
      assert.equal(row[4], a.value === null ? '—' : figure(a.value, indicator.unit, indicator.decimals), `${t.indicator.code} actual`);
      const att = attainmentOf({ comparator: t.comparator, value: t.value, valueMax: t.valueMax, direction: indicator.direction }, a.value);
      assert.equal(row[5], att === null ? '—' : viPercent(att * 100, 2));
      if (a.value !== null) withData++;
    }
    assert.ok(withData >= 3, 'the demo has Q3 figures for most of the plan’s targets');
    // Vietnamese formatting: a decimal comma, no decimal point.
    assert.ok(rows.some((r) => /^\d{1,3}(,\d+)?%$/.test(r[4]!)));

    const budget = (await api.call('GET', `/api/v1/plans/${planId}/budget?year=2025`, { as: coordinator })).json();
    assert.ok(budget.bySource.length > 0);
    const b = byHeader('Nguồn kinh phí').slice(1);
    for (const [i, s] of budget.bySource.entries()) {
      assert.deepEqual(b[i]!.slice(1, 5), [viNumber(s.tasks, 0), viNumber(s.approved, 0), viNumber(s.allocatedYear, 0), viNumber(s.disbursedYear, 0)]);
    }
    // Grouping with dots: amounts of billions.
    assert.ok(b.some((r) => /^\d{1,3}(\.\d{3}){3,}$/.test(r[3]!)), JSON.stringify(b));
  });

  it('writes the same numbers into the XLSX appendix', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Nhiệm vụ', 'Chỉ tiêu']);
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    assert.equal(tasks.getCell(5, 1).value, 'STT');
    assert.equal((tasks.getCell(5, 2).font as ExcelJS.Font).name, 'Times New Roman');
    assert.equal(tasks.pageSetup.paperSize, 9);
    assert.equal(tasks.pageSetup.orientation, 'landscape');
    const stats = (await api.call('GET', `/api/v1/tasks/statistics?plan=${planId}&asOf=2025-09-30`, { as: coordinator })).json().total;
    const statuses: string[] = [];
    for (let r = 6; r <= tasks.rowCount; r++) statuses.push(String(tasks.getCell(r, 6).value));
    assert.equal(statuses.length, stats.assigned);
    const count = (label: string) => statuses.filter((s) => s === label).length;
    assert.equal(count('Hoàn thành đúng hạn'), stats.completed.onTime);
    assert.equal(count('Hoàn thành quá hạn'), stats.completed.late);
    assert.equal(count('Đang thực hiện trong hạn'), stats.inProgress.onTime);
    assert.equal(count('Đang thực hiện quá hạn'), stats.inProgress.overdue);
    assert.equal(count('Chưa triển khai'), stats.notStarted);

    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    const targets = (await api.call('GET', `/api/v1/targets?plan=${planId}&year=2025&limit=1000`, { as: coordinator })).json().items;
    assert.equal(sheet.rowCount - 4, targets.length);
    for (const [i, t] of targets.entries()) {
      const row = sheet.getRow(5 + i);
      const indicator = (await api.call('GET', `/api/v1/indicators/${encodeURIComponent(t.indicator.code)}`, { as: coordinator })).json();
      const a = (await api.call('GET', `/api/v1/analytics?indicator=${encodeURIComponent(t.indicator.code)}&orgUnit=${t.orgUnit.code}&period=${PERIOD}`, { as: coordinator })).json();
      assert.equal(row.getCell(5).value, t.value);
      const round = (v: number) => Math.round(v * 10 ** indicator.decimals) / 10 ** indicator.decimals;
      assert.equal(row.getCell(6).value, a.value === null ? null : round(a.value));
      const docRow = tablesOf(documentXml).find((tb) => tb[0]![0] === 'STT')![1 + i]!;
      assert.equal(row.getCell(4).value, docRow[3]);
      assert.equal(row.getCell(8).value, docRow[6]);
    }
  });

  it('refuses bad input in Vietnamese problem+json and changes nothing', async () => {
    const before = await dbState(api.database.db);
    const bad = await api.call('GET', `/api/v1/plans/${planId}/official-reports/2025-09`, { as: coordinator });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    assert.match(bad.json().detail, /Kỳ báo cáo «2025-09» không hợp lệ/);
    const junk = await api.call('POST', `/api/v1/plans/${planId}/official-reports/abc/generate`, { as: coordinator, body: {} });
    assert.equal(junk.statusCode, 400);
    const outside = await api.call('GET', `/api/v1/plans/${planId}/official-reports/2023Q1`, { as: coordinator });
    assert.equal(outside.statusCode, 422);
    assert.match(outside.json().detail, /nằm ngoài thời gian của kế hoạch 215\/KH-UBND/);
    const future = await api.call('GET', `/api/v1/plans/${planId}/official-reports/2099`, { as: coordinator });
    assert.equal(future.statusCode, 422);
    const noPlan = await api.call('GET', `/api/v1/plans/999999/official-reports/${PERIOD}`, { as: coordinator });
    assert.equal(noPlan.statusCode, 404);
    assert.match(noPlan.json().detail, /Không tìm thấy kế hoạch 999999/);

    const view = (await api.call('GET', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: coordinator })).json();
    const wrongNumber = await api.call('PUT', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: coordinator, body: { ...view.draft, numberSymbol: '125/KH' } });
    assert.equal(wrongNumber.statusCode, 422);
    assert.match(wrongNumber.json().detail, /Số, ký hiệu phải có dạng/);
    const wrongForm = await api.call('PUT', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: coordinator, body: { ...view.draft, signingForm: 'XX' } });
    assert.equal(wrongForm.statusCode, 400);
    const extra = await api.call('PUT', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: coordinator, body: { ...view.draft, narratives: { ...view.draft.narratives, other: 'x' } } });
    assert.equal(extra.statusCode, 400);
    if (!view.pdfAvailable) {
      const pdf = await api.call('POST', `/api/v1/plans/${planId}/official-reports/${PERIOD}/generate`, { as: coordinator, body: { pdf: true } });
      assert.equal(pdf.statusCode, 422);
      assert.match(pdf.json().detail, /chưa cài LibreOffice/);
    }
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('lets only plan writers over the issuer save and generate', async () => {
    const before = await dbState(api.database.db);
    const view = (await api.call('GET', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: wardAdmin })).json();
    assert.equal(view.canWrite, false);
    const put = await api.call('PUT', `/api/v1/plans/${planId}/official-reports/${PERIOD}`, { as: wardAdmin, body: view.draft });
    assert.equal(put.statusCode, 403);
    assert.match(put.json().detail, /Thành phố Hải Phòng/);
    const gen = await api.call('POST', `/api/v1/plans/${planId}/official-reports/${PERIOD}/generate`, { as: wardAdmin, body: {} });
    assert.equal(gen.statusCode, 403);
    const byApprover = await api.call('POST', `/api/v1/plans/${planId}/official-reports/${PERIOD}/generate`, { as: approver, body: {} });
    assert.equal(byApprover.statusCode, 403);
    const anonymous = await api.call('GET', `/api/v1/plans/${planId}/official-reports/${PERIOD}`);
    assert.equal(anonymous.statusCode, 401);
    assert.deepEqual(await dbState(api.database.db), before);
  });

  it('renders page 1 to PNG where LibreOffice and pdftoppm are installed', async (t) => {
    const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
    if (!has('soffice') || !has('pdftoppm')) {
      t.skip('LibreOffice (soffice) hoặc pdftoppm chưa được cài: bỏ qua bước dựng ảnh trang 1 của báo cáo.');
      return;
    }
    const start = await api.call('POST', `/api/v1/plans/${planId}/official-reports/${PERIOD}/generate`, { as: coordinator, body: { pdf: true } });
    assert.equal(start.statusCode, 202, start.body);
    const done = await settle(api, coordinator, start.json());
    assert.equal(done.status, 'done', done.error);
    assert.deepEqual(done.files.map((f: { kind: string }) => f.kind), ['docx', 'xlsx', 'pdf']);
    const pdf = (await api.call('GET', `/api/v1/report-jobs/${done.id}/pdf`, { as: coordinator })).rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-report-'));
    fs.writeFileSync(path.join(dir, 'report.pdf'), pdf);
    fs.mkdirSync('test-results', { recursive: true });
    execFileSync('pdftoppm', ['-png', '-scale-to-x', '1200', '-scale-to-y', '-1', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'report.pdf'), path.resolve('test-results/official-report-page1')]);
    const png = fs.readFileSync('test-results/official-report-page1.png');
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.ok(png.length > 30_000, `a page with text, not a blank (${png.length} bytes)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
