import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { looksLikeOcr, normalizeSyllable, restoreDiacritics } from '../../domain/extract/diacritics.ts';

const restore = (text: string) => restoreDiacritics(text, { force: true });

/** Seed 002, clean Vietnamese of the same genre, as vendored into the restorer's corpus. */
const clean = fs.readFileSync(new URL('../../domain/extract/corpus/seed-002.txt', import.meta.url), 'utf8');

/** A few lines of seed 000 as the OCR printed them. */
const ocr = `Thoi gian qua, Pang va Nha nudc ta da lanh dao, chi dao diy manh ung
dung, phét trién khoa hoc, céng nghé va déi méi sang tao. B4 Chinh tri d3 ban hanh Nghi quydt s 52-NQ/TW, ngay
27/9/2019 vé mdt sé chii truong, chinh sach chii déng tham gia cuéc CMCN 4.0;`;

describe('restoreDiacritics', () => {
  it('restores an agency name', () => {
    assert.equal(restore('S& Thong tin va Truyén théng').text, 'Sở Thông tin và Truyền thông');
  });

  it('restores a date line and leaves its numbers untouched, where they were', () => {
    const input = 'Hdi Phong, ngay 26 thang 10 nim 2021';
    const { text, corrections } = restore(input);
    assert.equal(text, 'Hải Phòng, ngày 26 tháng 10 năm 2021');
    for (const number of ['26', '10', '2021']) {
      const at = input.indexOf(number);
      assert.equal(text.indexOf(number), at);
      assert.ok(corrections.every((c) => c.span.end <= at || c.span.start >= at + number.length), `${number} is not part of a correction`);
    }
  });

  it("marks a correction of a token with digits as kind 'digit', and never touches numbers or codes", () => {
    const input = 'Nghi quyét s6 57-NQ/TW, ngay 22/12/2024, dat 90%';
    const { text, corrections } = restore(input);
    assert.match(text, /^Nghị quyết số 57-NQ\/TW, ngày 22\/12\/2024/);
    const so = corrections.find((c) => c.from === 's6');
    assert.ok(so);
    assert.deepEqual({ to: so.to, kind: so.kind, span: so.span }, { to: 'số', kind: 'digit', span: { start: 11, end: 13 } });
    assert.ok(so.confidence > 0.6 && so.confidence <= 1);
    for (const fixed of ['57-NQ/TW', '22/12/2024', '90']) {
      const at = input.indexOf(fixed);
      assert.ok(corrections.every((c) => c.span.end <= at || c.span.start >= at + fixed.length), `${fixed} untouched`);
    }
  });

  it('reports every correction against the input, with its kind and confidence', () => {
    const { text, corrections } = restore(ocr);
    assert.ok(corrections.length > 30);
    for (const c of corrections) {
      assert.equal(ocr.slice(c.span.start, c.span.end), c.from);
      assert.ok(c.confidence >= 0.6 && c.confidence <= 1);
      assert.equal(c.kind, /\d/.test(c.from) ? 'digit' : c.kind);
    }
    assert.ok(corrections.some((c) => c.from === 'phét' && c.to === 'phát' && c.kind === 'ocr-glyph'));
    assert.ok(corrections.some((c) => c.from === 'trién' && c.to === 'triển' && c.kind === 'diacritics'));
    assert.match(text, /phát triển khoa học, công nghệ và đổi mới sáng tạo/);
    assert.match(text, /52-NQ\/TW, ngày\n27\/9\/2019/);
  });

  it('keeps capitals, and list labels as printed', () => {
    assert.equal(restore('THANH UY HAI PHONG').text, 'THÀNH ỦY HẢI PHÒNG');
    assert.equal(restore('II. NHIEM VU VA GIAI PHAP').text, 'II. NHIỆM VỤ VÀ GIẢI PHÁP');
    assert.equal(restore('a) Phat trien ha tang so').text, 'a) Phát triển hạ tầng số');
  });

  it('leaves clean text alone', () => {
    assert.equal(looksLikeOcr(clean), false);
    assert.deepEqual(restoreDiacritics(clean), { text: clean, corrections: [] });
  });

  it('leaves acronyms and words it cannot place alone', () => {
    assert.equal(restore('UBND va CNTT').text, 'UBND và CNTT');
    assert.equal(restore('vineroxs Zalo').text, 'vineroxs Zalo');
  });
});

describe('looksLikeOcr', () => {
  it('spots OCR output without reliable marks', () => {
    assert.equal(looksLikeOcr(ocr), true);
    assert.equal(looksLikeOcr('Thanh pho Hai Phong trien khai ke hoach chuyen doi so nam 2025 tren dia ban'), true);
  });

  it('passes clean Vietnamese and short snippets', () => {
    assert.equal(looksLikeOcr('Ủy ban nhân dân thành phố ban hành Kế hoạch Chuyển đổi số thành phố Hải Phòng đến năm 2025.'), false);
    assert.equal(looksLikeOcr('dugc'), false);
  });
});

describe('normalizeSyllable', () => {
  it('lower-cases and puts the tone where the documents put it', () => {
    assert.equal(normalizeSyllable('Hoà'), 'hòa');
    assert.equal(normalizeSyllable('thuỷ'), 'thủy');
    assert.equal(normalizeSyllable('khoẻ'), 'khỏe');
    assert.equal(normalizeSyllable('quý'), 'quý');
    assert.equal(normalizeSyllable('hoàn'), 'hoàn');
    assert.equal(normalizeSyllable('NGƯỜI'), 'người');
    assert.equal(normalizeSyllable('Ho\u0300a'.normalize('NFD')), 'hòa');
  });
});
