/**
 * The task appendix (phụ lục danh mục nhiệm vụ) as XLSX: the export has the officials' layout and
 * the API's values under the list's filters and scope; it imports back into another plan; a
 * hand-made appendix (other column order, titles without diacritics, group headings, Excel dates,
 * amounts as text) imports too; bad files and bad rows are refused with every row's problem in
 * Vietnamese and nothing stored. Also the diacritic-insensitive search of GET /tasks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { expectRefused } from '../helpers/dbState.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ApiTask {
  id: number;
  ref: string | null;
  group: string | null;
  title: string;
  currentLeadUnit: { id: number; name: string };
  cooperatingUnits: { id: number; name: string }[];
  deliverable: string | null;
  startDate: string | null;
  dueDate: string | null;
  scheduleNote: string | null;
}

async function workbookOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

async function handMade(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Phu luc');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

describe('task appendix XLSX', () => {
  let api: TestApi;
  let coordinator: Session;
  let reporter: Session;
  let planA: number;
  let planB: number;
  let skhcn: { id: number; name: string };
  let duongKinh: { id: number; name: string };
  let haiAn: { id: number; name: string };

  const unit = async (code: string) => api.database.db.selectFrom('org_units').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
  const send = async (status: number, method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown, as = coordinator) => {
    const res = await api.call(method, url, { as, body });
    assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
    return res.json();
  };
  const exportXlsx = async (query: string, as = coordinator) => {
    const res = await api.call('GET', `/api/v1/tasks/export.xlsx?${query}`, { as });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], XLSX);
    assert.match(res.headers['content-disposition'] as string, /^attachment; filename=".*\.xlsx"/);
    return res.rawPayload;
  };
  const importXlsx = (plan: number, bytes: Buffer, as = coordinator) =>
    api.app.inject({ method: 'POST', url: `/api/v1/plans/${plan}/tasks/import`, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'content-type': XLSX }, payload: bytes });
  const tasksOf = async (plan: number): Promise<ApiTask[]> => (await send(200, 'GET', `/api/v1/tasks?plan=${plan}&limit=500`)).items;
  /** Refused as problem+json, nothing stored. */
  const refused = async (status: number, plan: number, bytes: Buffer, as = coordinator) => {
    return expectRefused(api.database.db, status, () => importXlsx(plan, bytes, as), 'the request');
  };

  before(async () => {
    api = await startTestApi({ catalogue: 'empty' });
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    [skhcn, duongKinh, haiAn] = [await unit('31-SKHCN'), await unit('11692'), await unit('11413')];
    const city = await unit('31');
    planA = (await send(201, 'POST', '/api/v1/plans', { kind: 'KH', number: '227/KH-UBND', issuerUnitId: city.id, issuedOn: '2025-01-15', title: 'Kế hoạch chuyển đổi số' })).id;
    planB = (await send(201, 'POST', '/api/v1/plans', { kind: 'KH', number: '35/KH-UBND', issuerUnitId: city.id, title: 'Kế hoạch nhận phụ lục' })).id;
    await send(201, 'POST', '/api/v1/tasks', {
      planId: planA,
      ref: 'I.1',
      group: 'Nhiệm vụ thường xuyên',
      title: 'Phát triển hạ tầng số dùng chung',
      leadUnitId: skhcn.id,
      cooperatingUnitIds: [duongKinh.id],
      deliverable: 'Hạ tầng số',
      scheduleNote: 'Thường xuyên',
    });
    const t2 = await send(201, 'POST', '/api/v1/tasks', {
      planId: planA,
      ref: 'I.2',
      group: 'Nhiệm vụ thường xuyên',
      title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      leadUnitId: duongKinh.id,
      cooperatingUnitIds: [skhcn.id, haiAn.id],
      deliverable: 'Kho dữ liệu số hóa',
      startDate: '2025-03-01',
      dueDate: '2025-12-31',
    });
    await send(200, 'PUT', `/api/v1/tasks/${t2.id}/budget`, { lines: [{ source: 'su_nghiep_cntt', year: null, requested: 1_500_000_000 }, { source: 'su_nghiep_cntt', year: 2025, requested: 700_000_000 }] });
    await send(201, 'POST', '/api/v1/tasks', { planId: planA, ref: 'II.1', group: 'Nhiệm vụ trọng tâm', title: 'Xây dựng trung tâm dữ liệu', leadUnitId: haiAn.id, dueDate: '2026-06-30', scheduleNote: 'Quý II/2026' });
  });
  after(() => api.close());

  it('exports the appendix of a plan with the officials’ layout and the API’s values', async () => {
    const sheet = await workbookOf(await exportXlsx(`plan=${planA}`));
    assert.equal(sheet.getCell('A1').value, 'PHỤ LỤC');
    assert.match(String(sheet.getCell('A2').value), /^DANH MỤC NHIỆM VỤ .*227\/KH-UBND$/);
    assert.match(String(sheet.getCell('A3').value), /Kèm theo Kế hoạch số 227\/KH-UBND ngày 15\/01\/2025 của Thành phố Hải Phòng/);
    const header = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getCell(5, c).value);
    assert.deepEqual(header, ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Kinh phí (VND)', 'Tình trạng']);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 5);
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.paperSize, 9);
    assert.equal(sheet.getCell(5, 2).font?.name, 'Times New Roman');

    // Group headings where the group changes, then the tasks in the plan's order.
    const firstCells = [6, 7, 8, 9, 10].map((r) => sheet.getCell(r, 1).value);
    assert.deepEqual(firstCells, ['Nhiệm vụ thường xuyên', 'I.1', 'I.2', 'Nhiệm vụ trọng tâm', 'II.1']);
    assert.ok(sheet.getCell(6, 8).isMerged);

    const api = await tasksOf(planA);
    const rowOf = (r: number) => [1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getCell(r, c));
    for (const [r, task] of [[7, api[0]!], [8, api[1]!], [10, api[2]!]] as const) {
      const cells = rowOf(r);
      assert.equal(cells[1]!.value, task.title);
      assert.equal(cells[2]!.value, task.currentLeadUnit.name);
      assert.equal(cells[3]!.value ?? null, task.cooperatingUnits.length ? task.cooperatingUnits.map((u) => u.name).join(';\n') : null);
      assert.equal(cells[5]!.value ?? null, task.deliverable);
      for (const c of cells) {
        assert.equal(c.font?.name, 'Times New Roman');
        assert.equal(c.border?.top?.style, 'thin');
        assert.equal(c.alignment?.wrapText, true);
      }
    }
    assert.equal(sheet.getCell(7, 5).value, 'Thường xuyên');
    assert.equal(sheet.getCell(8, 5).value, '01/03/2025 - 31/12/2025');
    assert.equal(sheet.getCell(10, 5).value, 'Quý II/2026');
    assert.equal(sheet.getCell(8, 7).value, 1_500_000_000);
    // Dots as literal characters (written "#\\.###\\.##0"; exceljs drops the backslashes when reading).
    assert.match(sheet.getCell(8, 7).numFmt, /^\[>=1000000000\]#\\?\.###\\?\.###\\?\.##0;/);
    assert.equal(sheet.getCell(7, 7).value ?? null, null);
    assert.equal(sheet.getCell(7, 8).value, 'Chưa triển khai');
  });

  it('applies the list’s filters and scope', async () => {
    // A lead unit across plans: a plan heading, no plan number in the title.
    const byUnit = await workbookOf(await exportXlsx(`leadUnit=${duongKinh.id}`));
    assert.equal(byUnit.getCell('A2').value, 'DANH MỤC NHIỆM VỤ');
    assert.match(String(byUnit.getCell(6, 1).value), /^Kế hoạch 227\/KH-UBND/);
    assert.deepEqual([byUnit.getCell(8, 1).value, byUnit.getCell(8, 2).value, byUnit.getCell(9, 1).value ?? null], ['I.2', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', null]);

    // The reporter of Dương Kinh sees what the ward leads or cooperates on, as in the list.
    const list = (await send(200, 'GET', `/api/v1/tasks?plan=${planA}`, undefined, reporter)).items as ApiTask[];
    const mine = await workbookOf(await exportXlsx(`plan=${planA}`, reporter));
    const stts: unknown[] = [];
    mine.eachRow((row, r) => r > 5 && !row.getCell(3).isMerged && stts.push(row.getCell(1).value));
    assert.deepEqual(stts, list.map((t) => t.ref));
    assert.deepEqual(stts, ['I.1', 'I.2']);

    const bad = await api.call('GET', '/api/v1/tasks/export.xlsx?dueFrom=2025-12-01&dueTo=2025-01-01', { as: coordinator });
    assert.equal(bad.statusCode, 400);
  });

  it('finds tasks without diacritics', async () => {
    const q = async (text: string) => ((await send(200, 'GET', `/api/v1/tasks?plan=${planA}&q=${encodeURIComponent(text)}`)).items as ApiTask[]).map((t) => t.ref);
    assert.deepEqual(await q('ha tang so'), ['I.1']);
    assert.deepEqual(await q('HẠ TẦNG SỐ'), ['I.1']);
    assert.deepEqual(await q('du lieu so hoa'), ['I.2']); // the deliverable
    assert.deepEqual(await q('trung tam du lieu'), ['II.1']);
    assert.deepEqual(await q('II.1'), ['II.1']);
    assert.deepEqual(await q('khong co'), []);
  });

  it('imports its own export into another plan, and a second import changes nothing', async () => {
    const bytes = await exportXlsx(`plan=${planA}`);
    const res = await importXlsx(planB, bytes);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().created, res.json().updated], [3, 0]);
    const strip = (t: ApiTask) => ({ ref: t.ref, group: t.group, title: t.title, lead: t.currentLeadUnit.id, coops: t.cooperatingUnits.map((u) => u.id).sort(), deliverable: t.deliverable, start: t.startDate, due: t.dueDate, note: t.scheduleNote });
    const [a, b] = [await tasksOf(planA), await tasksOf(planB)];
    assert.deepEqual(b.map(strip), a.map(strip));
    const budget = (await send(200, 'GET', `/api/v1/tasks/${b[1]!.id}`)).budget;
    assert.deepEqual(budget.map((l: { source: string; year: number | null; requested: number }) => [l.source, l.year, l.requested]), [['khac', null, 1_500_000_000]]);

    const again = await importXlsx(planB, bytes);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual([again.json().created, again.json().updated, again.json().unchanged], [0, 0, 3]);
  });

  it('imports a hand-made appendix: any column order, titles without diacritics, headings, Excel dates, amounts as text', async () => {
    const bytes = await handMade([
      ['PHU LUC DANH MUC NHIEM VU'],
      [],
      ['tt', 'NHIEM VU', 'thoi han hoan thanh', 'Don vi chu tri', 'co quan phoi hop', 'Kinh phí (đồng)', 'Ghi chú'],
      ['A', 'NHIỆM VỤ CHUNG'],
      ['1', 'Triển khai nền tảng họp trực tuyến', new Date(Date.UTC(2025, 10, 30)), 'UBND phường Dương Kinh', `${skhcn.name}\n${haiAn.name}`, '2.500.000', 'x'],
      ['2', 'Đào tạo kỹ năng số', 'Năm 2026', skhcn.name.toUpperCase(), null, null, null],
    ]);
    const res = await importXlsx(planB, bytes);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 2);
    const tasks = (await tasksOf(planB)).filter((t) => t.ref === '1' || t.ref === '2');
    assert.deepEqual(
      tasks.map((t) => [t.ref, t.group, t.currentLeadUnit.id, t.cooperatingUnits.map((u) => u.id).sort(), t.dueDate, t.scheduleNote]),
      [
        ['1', 'NHIỆM VỤ CHUNG', duongKinh.id, [skhcn.id, haiAn.id].sort(), '2025-11-30', null],
        ['2', 'NHIỆM VỤ CHUNG', skhcn.id, [], '2026-12-31', 'Năm 2026'],
      ],
    );
    const budget = (await send(200, 'GET', `/api/v1/tasks/${tasks[0]!.id}`)).budget;
    assert.equal(budget[0].requested, 2_500_000);
  });

  it('refuses bad rows with every problem listed in Vietnamese, storing nothing', async () => {
    const bytes = await handMade([
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'],
      ['9', 'Nhiệm vụ hợp lệ', skhcn.name, null, '31/12/2025'],
      ['10', 'Nhiệm vụ giao cho cơ quan lạ', 'Sở Không Tồn Tại', null, '31/12/2025'],
      ['11', 'Nhiệm vụ ngược ngày', skhcn.name, null, '31/12/2025 - 01/03/2025'],
      ['12', 'Ngày sai', skhcn.name, null, '31/02/2025'],
    ]);
    const problem = await refused(422, planB, bytes);
    assert.match(problem.detail, /4 lỗi|3 lỗi/);
    assert.deepEqual(problem.errors?.map((e) => e.path), ['row 3', 'row 4', 'row 5']);
    assert.match(problem.errors![0]!.message, /Dòng 3.*Sở Không Tồn Tại/);
    assert.match(problem.errors![1]!.message, /Dòng 4: ngày bắt đầu phải trước/);
    assert.match(problem.errors![2]!.message, /Dòng 5: .*31\/02\/2025/);
  });

  it('refuses files that are not appendices (400) and people who may not assign tasks (403)', async () => {
    const notXlsx = await refused(400, planB, Buffer.from('STT;Nhiệm vụ\n1;x\n'));
    assert.match(notXlsx.detail, /không phải là tệp Excel/);
    const noTable = await refused(400, planB, await handMade([['Họ tên', 'Điểm'], ['A', 1]]));
    assert.match(noTable.detail, /Nhiệm vụ/);
    await refused(403, planB, await exportXlsx(`plan=${planA}`), reporter);
    await refused(404, 999999, await exportXlsx(`plan=${planA}`));
  });
});
