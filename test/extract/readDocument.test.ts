/**
 * Reading uploaded plan documents: the DOCX and PDF files are made here (the `docx` package and
 * a real Chromium printing HTML), so what is tested is what Word and "Save as PDF" produce.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { readPlanDocument, MAX_PLAN_DOCUMENT_BYTES } from '../../server/extract/readDocument.ts';
import { translate } from '../../server/http/messages.ts';
import { ProblemError } from '../../server/http/problem.ts';

const TARGET_ROW = '1 | 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình | 100%';

/** Expect a ProblemError; returns it with its Vietnamese message. */
async function problem(promise: Promise<unknown>): Promise<{ status: number; key: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProblemError, `expected a ProblemError, got ${String(error)}`);
    return { status: error.status, key: error.key, message: translate('vi', error.key, error.params) };
  }
  assert.fail('expected the document to be refused');
}

function planDocx(): Promise<Buffer> {
  const cell = (text: string, merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
    new TableCell({ children: [new Paragraph(text)], ...(merge ? { verticalMerge: merge } : {}) });
  const document = new Document({
    numbering: {
      config: [{ reference: 'muc', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        children: [
          new Paragraph('ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG'),
          // An old heading typed in TCVN3 with the .VnTime font: Word stores the cp1252 reading of the bytes.
          new Paragraph({ children: [new TextRun({ text: 'Céng hßa x· héi chñ nghÜa ViÖt Nam', font: '.VnTime' })] }),
          // The capitals font draws lowercase codes as capitals.
          new Paragraph({ children: [new TextRun({ text: '§éc lËp - Tù do - H¹nh phóc', font: '.VnTimeH' })] }),
          new Paragraph({ children: [new TextRun('Số: 227/KH-UBND'), new TextRun('\tHải Phòng, ngày 15 tháng 8 năm 2025')] }),
          new Paragraph({ text: 'KẾ HOẠCH', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Chuyển đổi số thành phố Hải Phòng năm 2025'),
          new Paragraph({ text: 'Mục đích, yêu cầu', numbering: { reference: 'muc', level: 0 } }),
          new Paragraph({ text: 'Chỉ tiêu', numbering: { reference: 'muc', level: 0 } }),
          new Paragraph({ text: 'Phát triển chính quyền số', bullet: { level: 0 } }),
          // A VNI paragraph whose font lives in a style, not on the run: found by its letters alone.
          new Paragraph('Ñaåy maïnh chuyeån ñoåi soá toaøn dieän'),
          new Table({
            rows: [
              new TableRow({ children: [cell('STT'), cell('Chỉ tiêu'), cell('Năm 2025')] }),
              new TableRow({
                children: [
                  cell('1', VerticalMergeType.RESTART),
                  cell('100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình'),
                  cell('100%'),
                ],
              }),
              new TableRow({ children: [cell('', VerticalMergeType.CONTINUE), cell('Tỷ lệ hồ sơ xử lý trực tuyến'), cell('80%')] }),
            ],
          }),
          new Paragraph({ children: [new TextRun('Nơi nhận:'), new TextRun({ text: '- Như trên;', break: 1 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const PLAN_HTML = `<!doctype html><html><body style="font-family: serif; font-size: 13pt">
<table style="width: 100%"><tr>
  <td style="text-align: center">ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HẢI PHÒNG</td>
  <td style="text-align: center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</td>
</tr><tr>
  <td style="text-align: center">Số: 227/KH-UBND</td>
  <td style="text-align: right"><i>Hải Phòng, ngày 15 tháng 8 năm 2025</i></td>
</tr></table>
<h2 style="text-align: center">KẾ HOẠCH<br>Chuyển đổi số năm 2025</h2>
<p>I. MỤC ĐÍCH, YÊU CẦU</p>
<p>1. Mục đích: đẩy mạnh chuyển đổi số toàn diện trên địa bàn thành phố, phát triển chính quyền số, kinh tế số và xã hội số, bảo đảm mọi người dân được hưởng lợi từ chuyển đổi số.</p>
<div style="page-break-after: always"></div>
<p>II. CHỈ TIÊU</p>
<table style="border-collapse: collapse; width: 100%" border="1">
  <tr><td style="width: 8%">STT</td><td style="width: 72%">Chỉ tiêu</td><td style="width: 20%">Năm 2025</td></tr>
  <tr><td>1</td><td>100% thủ tục hành chính đủ điều kiện</td><td>100%</td></tr>
</table>
</body></html>`;

describe('reading plan documents', () => {
  let browser: Browser;
  const pdfOf = async (html: string) => {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      return await page.pdf({ format: 'A4' });
    } finally {
      await page.close();
    }
  };

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  describe('DOCX', () => {
    it('reads paragraphs as blocks, tables as rows, and converts legacy-font paragraphs', async () => {
      const doc = await readPlanDocument(await planDocx(), 'Kế hoạch 227.docx');
      assert.equal(doc.format, 'docx');
      assert.equal(doc.encoding, 'tcvn3', 'the text came partly from TCVN3');
      const blocks = doc.text.split('\n\n');
      assert.ok(blocks.includes('Số: 227/KH-UBND Hải Phòng, ngày 15 tháng 8 năm 2025'), doc.text);
      assert.ok(blocks.includes('Cộng hòa xã hội chủ nghĩa Việt Nam'), 'the .VnTime paragraph in Unicode');
      assert.ok(blocks.includes('ĐỘC LẬP - TỰ DO - HẠNH PHÚC'), 'the .VnTimeH paragraph in capitals');
      assert.ok(blocks.includes('Đẩy mạnh chuyển đổi số toàn diện'), 'the VNI paragraph, found without its font');
      assert.ok(blocks.includes('KẾ HOẠCH'));
      assert.ok(blocks.includes('- Phát triển chính quyền số'), 'bullets become "- "');
      assert.ok(blocks.includes('Nơi nhận:\n- Như trên;'), 'a line break inside a paragraph stays a line break');
      const table = blocks.find((block) => block.startsWith('STT | '));
      assert.deepEqual(table?.split('\n'), ['STT | Chỉ tiêu | Năm 2025', TARGET_ROW, ' | Tỷ lệ hồ sơ xử lý trực tuyến | 80%'], 'a merged cell keeps the columns in place');
      assert.equal(doc.text, doc.text.normalize('NFC'));
      assert.doesNotMatch(doc.text, /\r|\n{3}|[µ§ÜÖ]/);
      assert.ok(doc.warnings.some((w) => w.includes('TCVN3')), doc.warnings.join('\n'));
      assert.ok(doc.warnings.some((w) => w.includes('VNI')));
      assert.ok(doc.warnings.some((w) => w.startsWith('2 đoạn dùng đánh số tự động')), 'automatic numbers are missing and the reader is told');
    });

    it('refuses damaged, truncated, protected and empty Word files with a clear message', async () => {
      const random = await problem(readPlanDocument(crypto.randomBytes(4096), 'kehoach.docx'));
      assert.deepEqual([random.status, random.key], [422, 'extract.read.malformedDocx']);
      assert.equal(random.message, 'Tệp «kehoach.docx» không phải tệp Word .docx hợp lệ (tệp hỏng, bị cắt cụt hoặc đổi đuôi).');
      const docx = await planDocx();
      const truncated = await problem(readPlanDocument(docx.subarray(0, docx.length >> 1), 'kehoach.docx'));
      assert.equal(truncated.key, 'extract.read.malformedDocx');
      const ole = await problem(readPlanDocument(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512, 1)]), 'kehoach.docx'));
      assert.deepEqual([ole.status, ole.key], [422, 'extract.read.protectedDocx']);
      const blank = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }));
      const noText = await problem(readPlanDocument(blank, 'trống.docx'));
      assert.deepEqual([noText.status, noText.key, noText.message], [422, 'extract.read.noText', 'Tệp «trống.docx» không có nội dung văn bản.']);
      // A scan pasted into Word: pictures and no text.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
      const picture = () => new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 600, height: 800 } })] });
      const scan = await Packer.toBuffer(new Document({ sections: [{ children: [picture(), picture()] }] }));
      const imagesOnly = await problem(readPlanDocument(scan, 'scan.docx'));
      assert.deepEqual([imagesOnly.status, imagesOnly.key], [422, 'extract.read.imagesOnly']);
      assert.match(imagesOnly.message, /chỉ có hình ảnh .* nhận dạng ký tự \(OCR\)/);
      const withText = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch số 227'), picture()] }] }));
      assert.deepEqual((await readPlanDocument(withText, 'x.docx')).warnings, ['Văn bản có 1 hình ảnh; chữ nằm trong hình không được đọc.']);
    });
  });

  describe('PDF', () => {
    it('rebuilds lines and blocks from a real text layer, pages apart', async () => {
      const doc = await readPlanDocument(await pdfOf(PLAN_HTML), 'ke-hoach-227.pdf');
      assert.equal(doc.format, 'pdf');
      assert.equal(doc.pages, 2);
      assert.equal(doc.text, doc.text.normalize('NFC'));
      const lines = doc.text.split('\n');
      assert.ok(lines.includes('ỦY BAN NHÂN DÂN'), doc.text);
      assert.ok(lines.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      assert.ok(lines.includes('Số: 227/KH-UBND | Hải Phòng, ngày 15 tháng 8 năm 2025'), 'the two header halves on one line, apart');
      assert.ok(lines.includes('1 | 100% thủ tục hành chính đủ điều kiện | 100%'), 'a table row on one line, cells apart');
      const blocks = doc.text.split('\n\n');
      assert.ok(blocks.includes('I. MỤC ĐÍCH, YÊU CẦU'), 'a paragraph gap makes a block');
      assert.ok(blocks.includes('II. CHỈ TIÊU'), 'the second page starts a block');
      const purpose = blocks.find((block) => block.startsWith('1. Mục đích:'));
      assert.ok(purpose?.includes('\n'), 'the wrapped paragraph keeps the PDF’s own line breaks');
      assert.match(purpose!.replace(/\n/g, ' '), /xã hội số, bảo đảm mọi người dân được hưởng lợi từ chuyển đổi số\.$/);
      assert.deepEqual(doc.warnings, []);
    });

    it('converts a text layer that is TCVN3 mojibake', async () => {
      const html = `<body style="font-size: 13pt"><p>Céng hßa x· héi chñ nghÜa ViÖt Nam</p><p>§éc lËp - Tù do - H¹nh phóc</p>
        <p>KÕ ho¹ch chuyÓn ®æi sè n¨m 2025 cña thµnh phè H¶i Phßng; môc tiªu 100% thñ tôc hµnh chÝnh ®ñ ®iÒu kiÖn cung cÊp dÞch vô c«ng trùc tuyÕn toµn tr×nh.</p></body>`;
      // (no "ư": its TCVN3 code is the soft hyphen, which a browser does not draw)
      const doc = await readPlanDocument(await pdfOf(html), 'cu.pdf');
      assert.equal(doc.encoding, 'tcvn3');
      assert.match(doc.text, /^Cộng hòa xã hội chủ nghĩa Việt Nam\n\nĐộc lập - Tự do - Hạnh phúc\n\nKế hoạch chuyển đổi số năm 2025/);
      assert.match(doc.text.replace(/\n/g, ' '), /thành phố Hải Phòng; mục tiêu 100% thủ tục hành chính đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình\./);
    });

    it('says a scanned PDF has no text layer instead of returning nothing', async () => {
      const scan = await pdfOf(`<body><canvas id="c" width="900" height="400"></canvas><script>
        const g = document.getElementById('c').getContext('2d'); g.font = '28px serif';
        g.fillText('Số: 227/KH-UBND', 20, 60); g.fillText('KẾ HOẠCH Chuyển đổi số năm 2025', 20, 120);</script></body>`);
      const scanned = await problem(readPlanDocument(scan, 'scan.pdf'));
      assert.deepEqual([scanned.status, scanned.key], [422, 'extract.read.scannedPdf']);
      assert.equal(
        scanned.message,
        'Tệp PDF không có lớp văn bản (bản quét). Hãy tải lên bản PDF có văn bản, DOCX, hoặc chạy nhận dạng ký tự (OCR) trước.',
      );
      const blank = await problem(readPlanDocument(await pdfOf('<body></body>'), 'blank.pdf'));
      assert.equal(blank.key, 'extract.read.scannedPdf');
    });

    it('names the pages without text in a partly scanned PDF', async () => {
      const para = '<p>Nhiệm vụ: đẩy mạnh chuyển đổi số toàn diện, phát triển chính quyền số, kinh tế số và xã hội số.</p>';
      const doc = await readPlanDocument(await pdfOf(`<body>${para.repeat(4)}<div style="page-break-after: always"></div><canvas width="10" height="10"></canvas><div style="page-break-after: always"></div>${para.repeat(4)}</body>`), 'x.pdf');
      assert.equal(doc.pages, 3);
      assert.deepEqual(doc.warnings, ['Trang 2 không có lớp văn bản (trang quét hoặc trang trắng) nên không được đọc.']);
    });

    it('refuses a file that is not a PDF, or a damaged one', async () => {
      const notPdf = await problem(readPlanDocument(Buffer.from('Kế hoạch số 227/KH-UBND'), 'ke-hoach.pdf'));
      assert.deepEqual([notPdf.status, notPdf.key], [422, 'extract.read.malformedPdf']);
      assert.equal(notPdf.message, 'Tệp «ke-hoach.pdf» không phải tệp PDF hợp lệ (tệp hỏng, bị cắt cụt hoặc đổi đuôi).');
      const garbage = await problem(readPlanDocument(Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(8192)]), 'x.pdf'));
      assert.equal(garbage.key, 'extract.read.malformedPdf');
      const pdf = await pdfOf(PLAN_HTML);
      const truncated = await problem(readPlanDocument(pdf.subarray(0, 1500), 'x.pdf'));
      assert.equal(truncated.key, 'extract.read.malformedPdf');
    });

    it('reads a 20-page PDF quickly', async () => {
      const para = '<p>Nhiệm vụ: đẩy mạnh chuyển đổi số toàn diện trên địa bàn thành phố, phát triển chính quyền số, kinh tế số và xã hội số.</p>';
      const pages = Array.from({ length: 20 }, (_, i) => `<h3>Trang ${i + 1}</h3>${para.repeat(14)}<div style="page-break-after: always"></div>`);
      const pdf = await pdfOf(`<body style="font-size: 13pt">${pages.join('')}</body>`);
      await readPlanDocument(pdf, 'warm-up.pdf');
      const started = performance.now();
      const doc = await readPlanDocument(pdf, 'x.pdf');
      const ms = performance.now() - started;
      assert.equal(doc.pages, 20);
      assert.ok(doc.text.includes('Trang 20'));
      assert.ok(ms < 2000, `20 pages took ${ms.toFixed(0)} ms (well under a second on an idle machine)`);
    });
  });

  describe('text files', () => {
    const unicode = 'Số: 227/KH-UBND\r\n\r\nKẾ HOẠCH\r\nChuyển đổi số năm 2025\r\n\r\n\r\n\r\n1. Mục tiêu: 100% thủ tục hành chính  \r\n';
    const expected = 'Số: 227/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\n1. Mục tiêu: 100% thủ tục hành chính';

    it('reads UTF-8 with or without BOM, and UTF-16 either way round, to NFC with "\\n" line ends', async () => {
      const utf16be = Buffer.from(unicode, 'utf16le').swap16();
      for (const [bytes, encoding] of [
        [Buffer.from(unicode, 'utf8'), 'utf-8'],
        [Buffer.from(unicode.normalize('NFD'), 'utf8'), 'utf-8'],
        [Buffer.concat([Buffer.from('efbbbf', 'hex'), Buffer.from(unicode, 'utf8')]), 'utf-8'],
        [Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from(unicode, 'utf16le')]), 'utf-16'],
        [Buffer.concat([Buffer.from('feff', 'hex'), utf16be]), 'utf-16'],
        [Buffer.from(unicode, 'utf16le'), 'utf-16'],
      ] as const) {
        const doc = await readPlanDocument(bytes, 'ke-hoach.txt');
        assert.deepEqual({ text: doc.text, encoding: doc.encoding, format: doc.format, warnings: doc.warnings }, { text: expected, encoding, format: 'txt', warnings: [] });
      }
    });

    it('detects and converts TCVN3 and VNI files', async () => {
      const tcvn3 = 'Céng hßa x· héi chñ nghÜa ViÖt Nam\r\n§éc lËp - Tù do - H¹nh phóc\r\n\r\nSè: 227/KH-UBND\r\n\r\nKÕ HO¹CH\r\nChuyÓn ®æi sè n¨m 2025';
      const doc = await readPlanDocument(Buffer.from(tcvn3, 'latin1'), 'cu.txt');
      assert.equal(doc.encoding, 'tcvn3');
      assert.equal(doc.text, 'Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 227/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số năm 2025');
      assert.deepEqual(doc.warnings, ['Đã chuyển 3 đoạn từ bảng mã TCVN3 (ABC) sang Unicode.']);
      const vni = await readPlanDocument(Buffer.from('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc', 'latin1'), 'vni.txt');
      assert.deepEqual([vni.encoding, vni.text], ['vni', 'Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc']);
    });

    it('converts a TCVN3 paragraph pasted into a UTF-8 file, and nothing else', async () => {
      const text = 'Céng hßa x· héi chñ nghÜa ViÖt Nam\n\nKế hoạch chuyển đổi số\n\nTôi yêu em; Kèm theo';
      const doc = await readPlanDocument(Buffer.from(text, 'utf8'), 'dan.txt');
      assert.equal(doc.text, 'Cộng hòa xã hội chủ nghĩa Việt Nam\n\nKế hoạch chuyển đổi số\n\nTôi yêu em; Kèm theo');
      assert.equal(doc.encoding, 'tcvn3');
    });

    it('reads other 8-bit text as windows-1258 (Vietnamese) or windows-1252, saying so', async () => {
      // "Cộng hòa" in windows-1258: base letters plus combining tone marks
      const cp1258 = Buffer.from('C\xf4\xf2ng ho\xcca xa\xde h\xf4\xf2i chu\xd2 nghi\xdea Vi\xea\xf2t Nam', 'latin1');
      const viet = await readPlanDocument(cp1258, 'ansi.txt');
      assert.deepEqual([viet.encoding, viet.text], ['windows-1258', 'Cộng hòa xã hội chủ nghĩa Việt Nam']);
      const french = await readPlanDocument(Buffer.from("Le café est très bon à Paris, où l'été est chaud.", 'latin1'), 'fr.txt');
      assert.equal(french.encoding, 'windows-1252');
      assert.ok(french.text.startsWith('Le café est très bon à Paris'), 'Latin text is not taken for TCVN3');
      assert.deepEqual(french.warnings, ['Tệp không ở bảng mã UTF-8; đã đọc theo bảng mã Windows-1252, hãy kiểm tra dấu tiếng Việt.']);
    });

    it('turns Markdown into the same plain shape', async () => {
      const md = '# KẾ HOẠCH\n\n## II. CHỈ TIÊU\n\n| STT | Chỉ tiêu | Năm 2025 |\n|---|:---|---:|\n| 1 | **100%** thủ tục hành chính | 100% |\n\n* Phát triển chính quyền số';
      const doc = await readPlanDocument(Buffer.from(md), 'ke-hoach.md');
      assert.equal(doc.format, 'md');
      assert.equal(doc.text, 'KẾ HOẠCH\n\nII. CHỈ TIÊU\n\nSTT | Chỉ tiêu | Năm 2025\n1 | 100% thủ tục hành chính | 100%\n\n- Phát triển chính quyền số');
    });

    it('reads a 60 KB text file in milliseconds', async () => {
      const paragraph = 'KÕ ho¹ch chuyÓn ®æi sè n¨m 2025 cña thµnh phè H¶i Phßng; môc tiªu 100% thñ tôc hµnh chÝnh trùc tuyÕn toµn tr×nh.\n\n';
      const bytes = Buffer.from(paragraph.repeat(Math.ceil(60_000 / paragraph.length)), 'latin1');
      await readPlanDocument(bytes, 'warm-up.txt');
      const started = performance.now();
      const doc = await readPlanDocument(bytes, 'lon.txt');
      const ms = performance.now() - started;
      assert.equal(doc.encoding, 'tcvn3');
      assert.ok(ms < 250, `60 KB took ${ms.toFixed(1)} ms`);
    });
  });

  describe('files that give no text', () => {
    it('refuses empty, blank, binary, too large and unsupported files with clear messages', async () => {
      const empty = await problem(readPlanDocument(Buffer.alloc(0), 'trống.txt'));
      assert.deepEqual(empty, { status: 422, key: 'extract.read.empty', message: 'Tệp «trống.txt» rỗng, không có gì để đọc.' });
      assert.equal((await problem(readPlanDocument(Buffer.alloc(0), 'a.pdf'))).key, 'extract.read.empty');
      assert.equal((await problem(readPlanDocument(Buffer.from(' \r\n\t\r\n'), 'a.txt'))).key, 'extract.read.noText');
      const binary = await problem(readPlanDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), 'ke-hoach.txt'));
      assert.deepEqual([binary.status, binary.key], [422, 'extract.read.notText']);
      const large = await problem(readPlanDocument(Buffer.alloc(MAX_PLAN_DOCUMENT_BYTES + 1, 0x61), 'lon.txt'));
      assert.deepEqual(large, { status: 413, key: 'extract.read.tooLarge', message: 'Tệp «lon.txt» quá lớn (tối đa 10 MB).' });
      for (const name of ['setup.exe', 'ke-hoach.png', 'ke-hoach', 'bang.xlsx']) {
        const refused = await problem(readPlanDocument(Buffer.from('MZ\x90\x00\x03'), name));
        assert.deepEqual([refused.status, refused.key], [415, 'extract.read.unsupported'], name);
        assert.match(refused.message, /chỉ nhận văn bản \.txt hoặc \.md, Word \.docx và PDF có lớp văn bản/);
      }
      const doc = await problem(readPlanDocument(Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'C:\\Văn bản\\ke-hoach.doc'));
      assert.deepEqual([doc.status, doc.key], [415, 'extract.read.oldWord']);
      assert.match(doc.message, /^Tệp «ke-hoach\.doc» là định dạng Word 97–2003/, 'the name shown is the file name, not its path');
    });
  });
});
