/**
 * Plan documents end to end, as files: KH 227 retyped into a DOCX and printed to a PDF by Chromium
 * (both made here), the OCR text of NQ 03, and `dxpulse extract` on them — scored against the
 * answer keys with the measure `npm run eval:extract` prints.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import type { Browser } from 'playwright-core';
import { evaluateExtraction, type GoldDocument } from '../../domain/extract/evaluation.ts';
import { extractDocumentFile } from '../../server/extract/extractFile.ts';
import { launchChromium } from '../helpers/browser.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/dxpulse.js');
const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'plans');
const KH227 = path.join(fixtures, '002_dcadec23ff545f46.txt');
const NQ03 = path.join(fixtures, '000_15f6ee404bd8efc4.txt');
const gold = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), 'utf8')) as GoldDocument;

/** The Markdown seed as the paragraphs a typist would have typed into Word. */
function paragraphsOf(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/[#*]/g, '').replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('extracting plan documents from files', () => {
  let dir: string;
  let browser: Browser;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dxpulse-extract-'));
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads KH 227 from a DOCX as well as from its text', async () => {
    const document = new Document({ sections: [{ children: paragraphsOf(KH227).map((p) => new Paragraph(p)) }] });
    const file = path.join(dir, 'kh-227.docx');
    fs.writeFileSync(file, await Packer.toBuffer(document));
    const { output, format } = await extractDocumentFile(file);
    assert.equal(format, 'docx');
    assert.equal(output.document.number, '227/KH-UBND');
    const score = evaluateExtraction(output, gold('002_dcadec23ff545f46'));
    assert.ok(score.targets.f1 >= 0.95, `targets F1 ${score.targets.f1}: ${score.targets.missed.join('; ')}`);
    assert.equal(score.tasks.matched, 54);
    assert.ok(score.leads.accuracy >= 0.9, `lead accuracy ${score.leads.accuracy}`);
  });

  it('reads KH 227 from a PDF with a text layer, printed by Chromium', async () => {
    const page = await browser.newPage();
    const html = paragraphsOf(KH227).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
    await page.setContent(`<!doctype html><html lang="vi"><body style="font-family: serif; font-size: 13pt">${html}</body></html>`);
    const file = path.join(dir, 'kh-227.pdf');
    fs.writeFileSync(file, await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '30mm', right: '15mm' } }));
    await page.close();
    const { output, format } = await extractDocumentFile(file);
    assert.equal(format, 'pdf');
    assert.equal(output.document.date, '2020-09-21');
    const score = evaluateExtraction(output, gold('002_dcadec23ff545f46'));
    assert.ok(score.targets.f1 >= 0.95, `targets F1 ${score.targets.f1}: ${score.targets.missed.join('; ')}`);
    assert.ok(score.tasks.f1 >= 0.95, `tasks F1 ${score.tasks.f1}: ${score.tasks.missed.join(', ')} / ${score.tasks.extra.join(', ')}`);
    assert.ok(score.leads.accuracy >= 0.9, `lead accuracy ${score.leads.accuracy}`);
  });

  it('restores the OCR text of NQ 03 well enough to find its targets, and shows every correction', async () => {
    const { output, result } = await extractDocumentFile(NQ03);
    assert.equal(result.ocr, true);
    assert.deepEqual(output.document, {
      number: '03-NQ/TU',
      kind: 'NQ',
      issuer: 'Ban Thường vụ Thành ủy Hải Phòng',
      date: '2021-10-26',
      title: 'Chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030',
    });
    const score = evaluateExtraction(output, gold('000_15f6ee404bd8efc4'));
    assert.ok(score.targets.f1 >= 0.85, `targets F1 ${score.targets.f1}: ${score.targets.missed.join('; ')}`);
    assert.equal(score.tasks.matched, 33);
    // Digits are never changed silently: a correction touching a digit is marked for the reviewer.
    for (const c of result.corrections) {
      const digitsFrom = c.from.replace(/\D/g, '');
      if (digitsFrom !== c.to.replace(/\D/g, '')) assert.equal(c.kind, 'digit', `${c.from} → ${c.to}`);
      assert.equal(result.source.slice(c.span.start, c.span.end), c.from);
    }
    for (const t of result.targets) assert.match(result.source.slice(t.valueSpan.start, t.valueSpan.end), new RegExp(`^${t.value}\\s*%$`));
  });

  it('dxpulse extract prints one JSON object, and a clear error for a missing or empty file', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'extract', KH227, '--json']);
    const printed = JSON.parse(stdout) as { document: { number: string }; targets: { scope: string | null }[]; tasks: { ref: string; lead: string[] }[] };
    assert.equal(printed.document.number, '227/KH-UBND');
    assert.equal(printed.targets.length, 25);
    assert.deepEqual(printed.tasks.find((t) => t.ref === 'II.2.g')?.lead, ['Sở Nội vụ']);

    const human = await run(process.execPath, [BIN, 'extract', KH227]);
    assert.match(human.stdout, /Kế hoạch 227\/KH-UBND — Ủy ban nhân dân thành phố Hải Phòng, 2020-09-21/);
    assert.match(human.stdout, /25 chỉ tiêu:/);

    await assert.rejects(run(process.execPath, [BIN, 'extract', path.join(dir, 'khong-co.txt'), '--json']), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /không tìm thấy tệp/);
      return true;
    });
    const empty = path.join(dir, 'rong.txt');
    fs.writeFileSync(empty, '');
    await assert.rejects(run(process.execPath, [BIN, 'extract', empty, '--json']), (error: { code: number; stdout: string; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.equal(error.stdout, '');
      assert.match(error.stderr, /^Lỗi: .*(trống|rỗng)/m);
      return true;
    });
  });
});
