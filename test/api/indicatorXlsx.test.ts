/** XLSX export and import of the indicator catalogue: round trip, labels in any language, atomic refusal, malformed files. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApi, type Session, type TestApi } from '../helpers/api.ts';
import { DEMO_PASSWORD } from '../helpers/constants.ts';
import { auditSince, countRows, dbState, maxAuditId, expectRefused } from '../helpers/dbState.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TITLES = [
  'Mã',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Trụ cột',
  'Chiều tốt',
  'Tổng hợp theo đơn vị',
  'Tổng hợp theo thời gian',
  'Kỳ báo cáo',
  'Mô tả',
  'Số chữ số thập phân',
  'Giá trị nhỏ nhất',
  'Giá trị lớn nhất',
];

async function workbook(rows: (string | number | null)[][], sheetName = 'Chỉ tiêu'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

async function readSheet(bytes: Buffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= TITLES.length; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined || v === null ? null : (v as string | number));
    }
    rows.push(cells);
  });
  return rows;
}

describe('indicators: XLSX', () => {
  let api: TestApi;
  let coordinator: Session;
  let reporter: Session;

  const upload = (bytes: Buffer | string, as: Session = coordinator, contentType = XLSX) =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/import',
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'content-type': contentType },
      payload: bytes,
    });
  const download = async (query = '', as: Session = coordinator) => {
    const res = await api.app.inject({ method: 'GET', url: `/api/v1/indicators/export.xlsx${query}`, headers: { cookie: as.cookie } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], XLSX);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="chi-tieu\.xlsx"/);
    return res.rawPayload;
  };
  /** The upload must be refused with problem+json, and nothing stored (audit included) may change. */
  const refused = async (status: number, bytes: Buffer | string, as: Session = coordinator, contentType = XLSX) => {
    return expectRefused(api.database.db, status, () => upload(bytes, as, contentType), 'the request');
  };
  const indicator = (code: string) => api.database.db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirstOrThrow();

  before(async () => {
    api = await startTestApi({ catalogue: 'empty' }); // counts what it creates: without the demo's catalogue
    coordinator = await api.login('dieuphoi', DEMO_PASSWORD);
    reporter = await api.login('baocao', DEMO_PASSWORD);
    for (const body of [
      { code: 'CQS-DVC', name: 'Tỷ lệ dịch vụ công trực tuyến toàn trình', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest', pillar: 'chinh_quyen_so', description: 'Kế hoạch 35/KH-UBND: 80%.' },
      { code: 'XHS-TTDT', name: 'Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử', unit: '%', spaceAggregation: 'ratio', timeAggregation: 'latest', pillar: 'xa_hoi_so' },
      { code: 'ATTT-SC', name: 'Số sự cố an toàn thông tin', unit: 'count', spaceAggregation: 'sum', timeAggregation: 'sum', direction: 'lower', periodType: 'quarter', decimals: 0 },
    ]) {
      const res = await api.call('POST', '/api/v1/indicators', { as: coordinator, body });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(() => api.close());

  it('exports a header of Vietnamese titles and one row per indicator with Vietnamese labels', async () => {
    const rows = await readSheet(await download());
    assert.deepEqual(rows[0], TITLES);
    assert.deepEqual(rows.slice(1), [
      ['ATTT-SC', 'Số sự cố an toàn thông tin', 'Số lượng', null, 'Càng thấp càng tốt', 'Cộng tổng', 'Cộng dồn', 'quý', null, 0, 0, null],
      [
        'CQS-DVC',
        'Tỷ lệ dịch vụ công trực tuyến toàn trình',
        '%',
        'Chính quyền số',
        'Càng cao càng tốt',
        'Tỷ lệ (tổng tử số / tổng mẫu số)',
        'Kỳ gần nhất',
        'tháng',
        'Kế hoạch 35/KH-UBND: 80%.',
        2,
        0,
        100,
      ],
      ['XHS-TTDT', 'Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử', '%', 'Xã hội số', 'Càng cao càng tốt', 'Tỷ lệ (tổng tử số / tổng mẫu số)', 'Kỳ gần nhất', 'tháng', null, 2, 0, 100],
    ]);
  });

  it('lets a reporter export but not import', async () => {
    const bytes = await download('', reporter);
    const problem = await refused(403, bytes, reporter);
    assert.equal(problem.detail, 'Bạn không có quyền thực hiện thao tác này.');
  });

  it('round-trips: importing the export changes nothing, and restores a renamed indicator', async () => {
    const bytes = await download();
    const before = await dbState(api.database.db);
    const same = await upload(bytes);
    assert.equal(same.statusCode, 200, same.body);
    assert.deepEqual(same.json(), { created: 0, updated: 0, unchanged: 3 });
    assert.deepEqual(await dbState(api.database.db), before, 'an unchanged catalogue is not rewritten');

    const renamed = await api.call('PATCH', '/api/v1/indicators/CQS-DVC', { as: coordinator, body: { name: 'Tên tạm', pillar: null, maxValue: 90 } });
    assert.equal(renamed.statusCode, 200);
    const since = await maxAuditId(api.database.db);
    const back = await upload(bytes);
    assert.deepEqual(back.json(), { created: 0, updated: 1, unchanged: 2 });
    const row = await indicator('CQS-DVC');
    assert.equal(row.name, 'Tỷ lệ dịch vụ công trực tuyến toàn trình');
    assert.equal(row.pillar, 'chinh_quyen_so');
    assert.equal(row.max_value, 100);
    const events = await auditSince(api.database.db, since);
    assert.deepEqual(events.map((e) => [e.action, (e.before as { name: string }).name, (e.after as { name: string }).name]), [['indicator.import', 'Tên tạm', 'Tỷ lệ dịch vụ công trực tuyến toàn trình']]);
  });

  it('creates and updates by code, reading labels or values with or without diacritics, in any column order', async () => {
    const before = await countRows(api.database.db, 'indicators');
    const bytes = await workbook([
      ['Tên chỉ tiêu', 'Mã', 'Don vi tinh', 'Tổng hợp theo đơn vị', 'Tong hop theo thoi gian', 'Trụ cột', 'Chiều tốt', 'Kỳ báo cáo', 'Ghi chú riêng', 'Giá trị lớn nhất'],
      ['Số hồ sơ TTHC tiếp nhận trực tuyến', 'CQS-HSTT', 'số lượng', 'Cộng tổng', 'sum', 'chinh quyen so', 'higher', 'Tháng', 'bỏ qua', null],
      ['Tổng vốn đầu tư cho CĐS', 'HTS-VON', 'Triệu đồng', 'sum', 'Cong don', 'Hạ tầng số', 'Càng cao càng tốt', 'year', null, '5000,5'],
      ['Số sự cố ATTT (sửa)', 'attt-sc', 'count', 'Sum', 'Sum', null, 'Lower is better', 'quarter', null, null],
    ]);
    const res = await upload(bytes);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 2, updated: 1, unchanged: 0 });
    assert.equal(await countRows(api.database.db, 'indicators'), before + 2);

    const files = await indicator('CQS-HSTT');
    assert.deepEqual(
      [files.unit, files.space_aggregation, files.time_aggregation, files.pillar, files.direction, files.period_type, files.min_value, files.max_value, files.decimals],
      ['count', 'sum', 'sum', 'chinh_quyen_so', 'higher', 'month', 0, null, 2],
    );
    const money = await indicator('HTS-VON');
    assert.deepEqual([money.unit, money.pillar, money.period_type, money.max_value], ['million VND', 'ha_tang_so', 'year', 5000.5]);
    const incidents = await indicator('ATTT-SC');
    assert.equal(incidents.name, 'Số sự cố ATTT (sửa)');
    assert.equal(incidents.code, 'ATTT-SC', 'matched in any case, the stored code stays');
    assert.equal(incidents.direction, 'lower');
    assert.equal(incidents.decimals, 0, 'a column the sheet lacks leaves the field unchanged');
    assert.equal(incidents.description, null);
  });

  it('refuses the whole file with 422 listing every bad row, storing nothing', async () => {
    const bytes = await workbook([
      TITLES,
      ['OK-1', 'Chỉ tiêu hợp lệ', 'count', null, null, 'sum', 'sum', null, null, null, null, null],
      ['BAD-1', 'Đơn vị lạ', 'kg', null, null, 'sum', 'sum', null, null, null, null, null],
      ['BAD-2', null, '%', 'Kinh tế', null, 'Cộng tổng', 'latest', 'tháng', null, null, null, null],
      ['ok-1', 'Trùng mã', 'count', null, null, 'sum', 'sum', null, null, null, null, null],
      ['BAD-3', 'Khoảng ngược', 'people', null, 'tốt', 'sum', 'sum', 'decade', null, 'hai', 10, 5],
      [null, null, null, null, null, null, null, null, null, null, null, null],
    ]);
    const problem = await refused(422, bytes);
    assert.equal(problem.detail, 'Tệp Excel có 4 dòng lỗi; không chỉ tiêu nào được nhập.');
    assert.deepEqual(problem.errors, [
      { path: 'row 3', message: 'Cột «Đơn vị tính»: giá trị «kg» không hợp lệ; chọn một trong: %, Số lượng, Đồng, Triệu đồng, Tỷ đồng, Thứ hạng, Chỉ số, Ngày, Giờ, Người, Khác.' },
      { path: 'row 4', message: 'Cột «Tên chỉ tiêu»: thiếu giá trị.' },
      {
        path: 'row 4',
        message: 'Cột «Trụ cột»: giá trị «Kinh tế» không hợp lệ; chọn một trong: Chính quyền số, Kinh tế số, Xã hội số, Hạ tầng số, Nhân lực số, An toàn thông tin, Thể chế số, Nhận thức số.',
      },
      { path: 'row 5', message: 'Mã «ok-1» đã có ở dòng 2 của tệp.' },
      { path: 'row 6', message: 'Cột «Chiều tốt»: giá trị «tốt» không hợp lệ; chọn một trong: Càng cao càng tốt, Càng thấp càng tốt.' },
      { path: 'row 6', message: 'Cột «Kỳ báo cáo»: giá trị «decade» không hợp lệ; chọn một trong: ngày, tuần, tháng, quý, 6 tháng, năm.' },
      { path: 'row 6', message: 'Cột «Số chữ số thập phân»: «hai» không phải là số.' },
    ]);

    // Rows that parse but break the definition rules are listed too.
    const rules = await refused(
      422,
      await workbook([
        TITLES,
        ['PCT-SUM', 'Tỷ lệ cộng dồn', '%', null, null, 'Cộng tổng', 'Kỳ gần nhất', null, null, null, null, null],
        ['RANGE', 'Khoảng ngược', 'people', null, null, 'sum', 'sum', null, null, null, 10, 5],
        ['Mã sai', 'Mã có dấu', 'count', null, null, 'sum', 'sum', null, null, null, null, null],
      ]),
    );
    assert.deepEqual(rules.errors?.map((e) => e.path), ['row 2', 'row 3', 'row 4']);
    assert.match(rules.errors![0]!.message, /^Cột «Tổng hợp theo đơn vị»: Chỉ tiêu có đơn vị «%» không thể tổng hợp bằng phép cộng/);
    assert.equal(rules.errors![1]!.message, 'Cột «Giá trị lớn nhất»: Giá trị nhỏ nhất (10) lớn hơn giá trị lớn nhất (5).');
    assert.match(rules.errors![2]!.message, /^Cột «Mã»: Mã chỉ tiêu «Mã sai» không hợp lệ/);
  });

  it('refuses a change of aggregation for an indicator that has values', async () => {
    const dvc = await indicator('CQS-DVC');
    const ward = await api.database.db.selectFrom('org_units').select('id').where('code', '=', '11692').where('closed_on', 'is', null).executeTakeFirstOrThrow();
    await api.database.db
      .insertInto('data_values')
      .values({ indicator_id: dvc.id, org_unit_id: ward.id, period_id: '2025-09', period_type: 'month', period_start: '2025-09-01', period_end: '2025-09-30', value: 80, numerator: 80, denominator: 100, source: 'api' })
      .execute();
    const problem = await refused(
      422,
      await workbook([
        ['Mã', 'Tên chỉ tiêu', 'Đơn vị tính', 'Tổng hợp theo đơn vị', 'Tổng hợp theo thời gian'],
        ['CQS-DVC', 'Tỷ lệ dịch vụ công trực tuyến toàn trình', '%', 'Trung bình', 'Kỳ gần nhất'],
      ]),
    );
    assert.deepEqual(problem.errors, [{ path: 'row 2', message: 'Cột «Tổng hợp theo đơn vị»: Không thể đổi cách tổng hợp theo đơn vị khi chỉ tiêu đã có số liệu.' }]);
  });

  it('refuses a body that is not an xlsx workbook with 400 and a Vietnamese detail', async () => {
    const text = await refused(400, 'Mã,Tên chỉ tiêu\nX,Y\n');
    assert.equal(text.detail, 'Tệp gửi lên không phải là tệp Excel (.xlsx) hợp lệ.');
    const truncated = (await download()).subarray(0, 200);
    assert.equal((await refused(400, truncated)).detail, 'Tệp gửi lên không phải là tệp Excel (.xlsx) hợp lệ.');
    assert.equal((await refused(400, Buffer.alloc(0))).detail, 'Yêu cầu thiếu nội dung.');
  });

  it('refuses a workbook without the required columns or without rows', async () => {
    const columns = await refused(400, await workbook([['Mã', 'Tên'], ['X-1', 'Y']]));
    assert.equal(columns.detail, 'Tệp Excel thiếu cột bắt buộc: «Tên chỉ tiêu», «Đơn vị tính», «Tổng hợp theo đơn vị», «Tổng hợp theo thời gian».');
    const empty = await refused(400, await workbook([TITLES]));
    assert.equal(empty.detail, 'Tệp Excel không có dòng chỉ tiêu nào.');
  });

  it('answers 415 to JSON and 413 to a file over 10 MB', async () => {
    const json = await refused(415, JSON.stringify({ rows: [] }), coordinator, 'application/json');
    assert.match(json.detail, /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
    const huge = await refused(413, Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    assert.equal(huge.detail, 'Dữ liệu gửi lên quá lớn (tối đa 10 MB).');
  });
});
