import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  convertLegacy,
  detectLegacyEncoding,
  isVietnameseSyllable,
  legacyFontEncoding,
  lettersFitCp1252,
  repairLegacyBlocks,
} from '../../domain/extract/legacyEncodings.ts';

/**
 * TCVN3 (VN3) byte → letter, written out from the XFree86 TCVN 5712 table (lib/X11/lcUniConv/tcvn.h),
 * independently of the table string in the implementation.
 */
const TCVN3_BYTES: [number, number][] = [
  [0xa1, 0x0102], [0xa2, 0x00c2], [0xa3, 0x00ca], [0xa4, 0x00d4], [0xa5, 0x01a0], [0xa6, 0x01af], [0xa7, 0x0110],
  [0xa8, 0x0103], [0xa9, 0x00e2], [0xaa, 0x00ea], [0xab, 0x00f4], [0xac, 0x01a1], [0xad, 0x01b0], [0xae, 0x0111],
  [0xb5, 0x00e0], [0xb6, 0x1ea3], [0xb7, 0x00e3], [0xb8, 0x00e1], [0xb9, 0x1ea1], [0xbb, 0x1eb1], [0xbc, 0x1eb3],
  [0xbd, 0x1eb5], [0xbe, 0x1eaf], [0xc6, 0x1eb7], [0xc7, 0x1ea7], [0xc8, 0x1ea9], [0xc9, 0x1eab], [0xca, 0x1ea5],
  [0xcb, 0x1ead], [0xcc, 0x00e8], [0xce, 0x1ebb], [0xcf, 0x1ebd], [0xd0, 0x00e9], [0xd1, 0x1eb9], [0xd2, 0x1ec1],
  [0xd3, 0x1ec3], [0xd4, 0x1ec5], [0xd5, 0x1ebf], [0xd6, 0x1ec7], [0xd7, 0x00ec], [0xd8, 0x1ec9], [0xdc, 0x0129],
  [0xdd, 0x00ed], [0xde, 0x1ecb], [0xdf, 0x00f2], [0xe1, 0x1ecf], [0xe2, 0x00f5], [0xe3, 0x00f3], [0xe4, 0x1ecd],
  [0xe5, 0x1ed3], [0xe6, 0x1ed5], [0xe7, 0x1ed7], [0xe8, 0x1ed1], [0xe9, 0x1ed9], [0xea, 0x1edd], [0xeb, 0x1edf],
  [0xec, 0x1ee1], [0xed, 0x1edb], [0xee, 0x1ee3], [0xef, 0x00f9], [0xf1, 0x1ee7], [0xf2, 0x0169], [0xf3, 0x00fa],
  [0xf4, 0x1ee5], [0xf5, 0x1eeb], [0xf6, 0x1eed], [0xf7, 0x1eef], [0xf8, 0x1ee9], [0xf9, 0x1ef1], [0xfa, 0x1ef3],
  [0xfb, 0x1ef7], [0xfc, 0x1ef9], [0xfd, 0x00fd], [0xfe, 0x1ef5],
];

/** VNI spelling of every Vietnamese letter, in the order of lamdao/xvnkb vni.h (base, ´ ` ? ~ .). */
const VNI_LETTERS: [string, string][] = [
  ['a', 'a aù aø aû aõ aï'], ['â', 'aâ aá aà aå aã aä'], ['ă', 'aê aé aè aú aü aë'],
  ['e', 'e eù eø eû eõ eï'], ['ê', 'eâ eá eà eå eã eä'],
  ['o', 'o où oø oû oõ oï'], ['ô', 'oâ oá oà oå oã oä'], ['ơ', 'ô ôù ôø ôû ôõ ôï'],
  ['u', 'u uù uø uû uõ uï'], ['ư', 'ö öù öø öû öõ öï'],
  ['i', 'i í ì æ ó ò'], ['y', 'y yù yø yû yõ î'],
];
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

describe('legacy Vietnamese encodings: tables', () => {
  it('maps every TCVN3 byte as the TCVN 5712 table does, and leaves the positions VN3 does not use alone', () => {
    assert.equal(TCVN3_BYTES.length, 74, '67 lowercase letters and 7 capitals');
    for (const [byte, letter] of TCVN3_BYTES) {
      assert.equal(convertLegacy(String.fromCharCode(byte), 'tcvn3'), String.fromCharCode(letter), `0x${byte.toString(16)}`);
    }
    const mapped = new Set(TCVN3_BYTES.map(([byte]) => byte));
    for (let byte = 0x20; byte <= 0xff; byte++) {
      if (mapped.has(byte) || (byte >= 0x7f && byte < 0xa1)) continue;
      const ch = String.fromCharCode(byte);
      assert.equal(convertLegacy(ch, 'tcvn3'), ch, `0x${byte.toString(16)} is not a TCVN3 letter`);
    }
  });

  it('reads every VNI letter in both cases', () => {
    for (const [base, spellings] of VNI_LETTERS) {
      spellings.split(' ').forEach((vni, tone) => {
        const expected = (base + TONES[tone]).normalize('NFC');
        assert.equal(convertLegacy(vni, 'vni'), expected, vni);
        assert.equal(convertLegacy(vni.toUpperCase(), 'vni'), expected.toUpperCase(), vni.toUpperCase());
      });
    }
    assert.equal(convertLegacy('ñ', 'vni'), 'đ');
    assert.equal(convertLegacy('Ñ', 'vni'), 'Đ');
  });

  it('converts whole sentences to NFC Unicode', () => {
    assert.equal(convertLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'tcvn3'), 'Cộng hoà xã hội chủ nghĩa Việt Nam');
    assert.equal(convertLegacy('Céng hßa x· héi chñ nghÜa ViÖt Nam', 'tcvn3'), 'Cộng hòa xã hội chủ nghĩa Việt Nam');
    assert.equal(convertLegacy('§éc lËp - Tù do - H¹nh phóc', 'tcvn3'), 'Độc lập - Tự do - Hạnh phúc');
    assert.equal(convertLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'vni'), 'Cộng hòa xã hội chủ nghĩa Việt Nam');
    assert.equal(convertLegacy('Ñoäc laäp - Töï do - Haïnh phuùc', 'vni'), 'Độc lập - Tự do - Hạnh phúc');
    assert.equal(convertLegacy('ngöôøi, thuôû, khuyeán khích', 'vni'), 'người, thuở, khuyến khích');
    const out = convertLegacy('Sè 227/KH-UBND ngµy 15/8/2025', 'tcvn3');
    assert.equal(out, 'Số 227/KH-UBND ngày 15/8/2025', 'digits, slashes and ASCII are untouched');
    assert.equal(out, out.normalize('NFC'));
  });

  it('reads TCVN3 words typed in capitals as capitals, but not a capitalised word', () => {
    assert.equal(convertLegacy('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', 'tcvn3'), 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    assert.equal(convertLegacy('KÕ HO¹CH\n§iÒu 1', 'tcvn3'), 'KẾ HOẠCH\nĐiều 1', 'a capitals line does not reach the next line');
    assert.equal(convertLegacy('Sè: 227/KH-UBND', 'tcvn3'), 'Số: 227/KH-UBND', '"KH" has no legacy letter, so "Sè" stays capitalised only');
    assert.equal(convertLegacy('§IÒU 1', 'tcvn3'), 'ĐIỀU 1');
    assert.equal(convertLegacy('céng hoµ', 'tcvn3', { allCaps: true }), 'CỘNG HOÀ', 'a ".VnTimeH" run draws lowercase codes as capitals');
  });
});

describe('legacy Vietnamese encodings: detection', () => {
  it('recognises TCVN3 and VNI text', () => {
    assert.equal(detectLegacyEncoding('Céng hoµ x· héi chñ nghÜa ViÖt Nam'), 'tcvn3');
    assert.equal(detectLegacyEncoding('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM'), 'tcvn3');
    assert.equal(detectLegacyEncoding('§éc lËp - Tù do - H¹nh phóc'), 'tcvn3');
    assert.equal(detectLegacyEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'), 'vni');
    assert.equal(detectLegacyEncoding('Ñoäc laäp - Töï do - Haïnh phuùc'), 'vni');
    const plan = 'KÕ ho¹ch chuyÓn ®æi sè n¨m 2025 cña thµnh phè H¶i Phßng.\n\n1. Môc tiªu: 100% thñ tôc hµnh chÝnh ®ñ ®iÒu kiÖn ®­îc cung cÊp dÞch vô c«ng trùc tuyÕn toµn tr×nh.';
    assert.equal(detectLegacyEncoding(plan), 'tcvn3');
    assert.match(convertLegacy(plan, 'tcvn3'), /100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình\./);
  });

  it('does not fire on Unicode Vietnamese, even when every letter is in Latin-1', () => {
    for (const text of [
      'Cộng hòa xã hội chủ nghĩa Việt Nam',
      'Độc lập - Tự do - Hạnh phúc',
      'Tôi yêu em',
      'Kèm theo',
      'Cà Mau, Vân Đồn',
      'Tên cán bộ: Lê Văn Tám, ký tên',
      'quê nhà, mùa xuân, và có các',
      'Số: 227/KH-UBND',
      'UBND thành phố',
    ]) {
      assert.equal(detectLegacyEncoding(text), null, text);
      assert.equal(detectLegacyEncoding(text.normalize('NFD')), null, `${text} (NFD)`);
    }
  });

  it('does not fire on English or other Latin text', () => {
    for (const text of [
      'Digital transformation plan for Hai Phong city, 2025.',
      'Le café est très bon à Paris, où l’été est chaud.',
      'Grüße aus München, für Herrn Müller.',
      'El año del señor niño, mañana.',
      'naïve façade, déjà vu, crème brûlée',
      'The sample was 5 µm thick and 10 µm wide.',
      '5 µm and 10 µm',
      '© 2024 Company® — ½ cup, ± 5°, § 3',
      'Smørrebrød og rødgrød med fløde',
      'Ça coûte 15 € « seulement »',
      '',
      '2025 – 2030',
    ]) {
      assert.equal(detectLegacyEncoding(text), null, text);
    }
  });

  it('does not take OCR output with lost or misread diacritics for a legacy encoding', () => {
    // Excerpts of the OCR'd plans the extraction is evaluated on: "é" and "¥" are misreads, not TCVN3.
    const ocr = [
      '- Nguoi dén, doanh nghiép va céc t6 chirc khac c6 thé d& dang tham gia ¥\nkién dong gop cho hoat dong cta co quan Nha nudc, phan 4nh nhiing vén dé cia\nxd hdi xung quanh minh t6i co quan nha nudc va nhan dugc y kién phan hdi v& su\ntham gia, két qua tham gia cita minh.',
      '(2) T¥ trong kinh té sb trong timg nganh, linh vuc dat t5i thiéu 15%.\n(3) Ning sudt lao déng hing nim tang tbi thidu 15%.',
      '- Phét huy vai trd ctua cac Té6 COng nghé s6 cong dong va Dé an 06/CP dé\npho cap k¥ nang sb, hd tro ngudi dan st dung cac dich vu sé.',
      'S6 03-NQ/TU Hdi Phong, ngay 26 thang 10 nim 2021',
      'vé Chuyén dbi s6 thanh phd Hai Phong dén niam 2025,\ndinh hwéng dén nim 2030',
    ];
    for (const text of ocr) assert.equal(detectLegacyEncoding(text), null, text);
    assert.deepEqual(repairLegacyBlocks(ocr).blocks, ocr);
  });

  it('tells letters outside windows-1252 from those inside', () => {
    assert.equal(lettersFitCp1252('Céng hoµ — “x·” …'), true);
    assert.equal(lettersFitCp1252('Cộng'), false);
    assert.equal(lettersFitCp1252('Co\u0302ng'), false, 'a combining mark is Unicode too');
    assert.equal(lettersFitCp1252('a → b ✓'), true, 'symbols do not count, only letters');
  });

  it('spells Vietnamese syllables', () => {
    for (const word of ['người', 'thuở', 'quyết', 'giữa', 'khuya', 'nghiêng', 'xoong', 'ươn', 'hoà', 'hòa', 'Việt', 'ĐIỀU', 'ăn', 'gì', 'y'])
      assert.equal(isVietnameseSyllable(word), true, word);
    for (const word of ['tă', 'tiê', 'yơu', 'and', 'café', 'fỹr', 'ộtộ', 'Müller', 'hoàá', 'strong', 'bánhh'])
      assert.equal(isVietnameseSyllable(word), false, word);
  });
});

describe('legacy Vietnamese encodings: documents', () => {
  it('converts the legacy blocks of a mixed document and leaves Unicode ones alone', () => {
    const { blocks, converted } = repairLegacyBlocks([
      'CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM',
      '§éc lËp - Tù do - H¹nh phóc',
      'Sè: 227/KH-UBND',
      'Kế hoạch chuyển đổi số năm 2025',
      'Tôi yêu em',
      'Digital transformation',
    ]);
    assert.deepEqual(blocks, [
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 227/KH-UBND',
      'Kế hoạch chuyển đổi số năm 2025',
      'Tôi yêu em',
      'Digital transformation',
    ]);
    assert.deepEqual(converted, { tcvn3: 3, vni: 0 });
  });

  it('leaves short ambiguous blocks alone when nothing else in the document is legacy', () => {
    const { blocks, converted } = repairLegacyBlocks(['Sè: 227/KH-UBND', 'Kèm theo']);
    assert.deepEqual(blocks, ['Sè: 227/KH-UBND', 'Kèm theo']);
    assert.deepEqual(converted, { tcvn3: 0, vni: 0 });
    assert.deepEqual(repairLegacyBlocks(['Sè: 227/KH-UBND'], { prior: 'tcvn3' }).blocks, ['Số: 227/KH-UBND'], 'a prior from the fonts is enough');
  });

  it('knows the legacy fonts', () => {
    assert.deepEqual(legacyFontEncoding('.VnTime'), { encoding: 'tcvn3', allCaps: false });
    assert.deepEqual(legacyFontEncoding('.VnTimeH'), { encoding: 'tcvn3', allCaps: true });
    assert.deepEqual(legacyFontEncoding('.VnArial NarrowH'), { encoding: 'tcvn3', allCaps: true });
    assert.deepEqual(legacyFontEncoding('VNI-Times'), { encoding: 'vni', allCaps: false });
    assert.equal(legacyFontEncoding('Times New Roman'), null);
    assert.equal(legacyFontEncoding(null), null);
  });
});
