/** `dxpulse report`: writes the DOCX and the XLSX appendix of a demo plan's quarter; clear errors for an unknown plan or period. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/dxpulse.js');

describe('dxpulse report', () => {
  let database: TestDatabase;
  let dir: string;
  const dxpulse = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: database.url } });

  before(async () => {
    database = await freshDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-cli-report-'));
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('writes a DOCX that opens and the XLSX appendix beside it', async () => {
    const out = path.join(dir, 'bao-cao.docx');
    const { stdout } = await dxpulse('report', '--plan', '227/KH-UBND', '--period', '2025Q3', '--out', out);
    assert.match(stdout, /Đã ghi .*bao-cao\.docx, .*bao-cao\.xlsx/);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(xml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(xml, /Tình hình thực hiện Kế hoạch số 227\/KH-UBND quý III\/2025/);
    assert.match(xml, /Tại Kế hoạch số 227\/KH-UBND, thành phố được giao \d+ nhiệm vụ/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.replace(/\.docx$/, '.xlsx'));
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Nhiệm vụ', 'Chỉ tiêu']);
  });

  it('answers an unknown plan or period with exit code 1 and a Vietnamese message', async () => {
    await assert.rejects(dxpulse('report', '--plan', '999/KH-XYZ', '--period', '2025Q3', '--out', path.join(dir, 'x.docx')), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /Không tìm thấy kế hoạch số «999\/KH-XYZ»/);
      return true;
    });
    await assert.rejects(dxpulse('report', '--plan', '227/KH-UBND', '--period', '2025-13', '--out', path.join(dir, 'x.docx')), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /Kỳ báo cáo «2025-13» không hợp lệ/);
      return true;
    });
    assert.equal(fs.existsSync(path.join(dir, 'x.docx')), false);
  });
});
