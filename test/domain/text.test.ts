import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanName, foldVietnamese } from '../../domain/text.ts';

describe('foldVietnamese', () => {
  it('removes tone and vowel marks and lower-cases', () => {
    assert.equal(foldVietnamese('Phường Dương Kinh'), 'phuong duong kinh');
    assert.equal(foldVietnamese('Thành phố Hải Phòng'), 'thanh pho hai phong');
    assert.equal(foldVietnamese('Xã Tiên Lãng'), 'xa tien lang');
    assert.equal(foldVietnamese('Ủy ban nhân dân'), 'uy ban nhan dan');
  });

  it('maps đ and Đ, which have no Unicode decomposition, to d', () => {
    assert.equal(foldVietnamese('Đặc khu Bạch Long Vĩ'), 'dac khu bach long vi');
    assert.equal(foldVietnamese('đường Đồng Hòa'), 'duong dong hoa');
    assert.equal(foldVietnamese('ĐÀ NẴNG'), 'da nang');
  });

  it('folds old and new tone placement ("Hòa" vs "Hoà") and NFD input to the same key', () => {
    const newStyle = 'Ph\u01b0\u1eddng H\u00f2a Ngh\u0129a'; // ò on the o
    const oldStyle = 'Ph\u01b0\u1eddng Ho\u00e0 Ngh\u0129a'; // à on the a
    assert.notEqual(newStyle, oldStyle);
    assert.equal(foldVietnamese(newStyle), 'phuong hoa nghia');
    assert.equal(foldVietnamese(oldStyle), 'phuong hoa nghia');
    assert.equal(foldVietnamese(newStyle.normalize('NFD')), 'phuong hoa nghia');
    assert.equal(foldVietnamese('Thủy'), foldVietnamese('Thuỷ'));
  });

  it('collapses whitespace and punctuation to single spaces and trims', () => {
    assert.equal(foldVietnamese('  Phường\n\tDương   Kinh  '), 'phuong duong kinh');
    assert.equal(foldVietnamese('Sở Lao động - Thương binh và Xã hội'), 'so lao dong thuong binh va xa hoi');
    assert.equal(foldVietnamese('Sở KH&CN, 227/KH-UBND'), 'so kh cn 227 kh ubnd');
    assert.equal(foldVietnamese('   '), '');
  });
});

describe('cleanName', () => {
  it('collapses line breaks and runs of spaces and normalises to NFC', () => {
    const decomposed = 'Phường\n  Dương Kinh '.normalize('NFD');
    const cleaned = cleanName(decomposed);
    assert.equal(cleaned, 'Phường Dương Kinh');
    assert.equal(cleaned, cleaned.normalize('NFC'));
  });
});
