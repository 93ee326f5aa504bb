import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindFromName, kindFromVietnamese, wouldCreateCycle } from '../../domain/orgUnits.ts';

describe('kindFromVietnamese', () => {
  it('maps the official list words to kinds, ignoring case and surrounding spaces', () => {
    assert.equal(kindFromVietnamese('xã'), 'commune');
    assert.equal(kindFromVietnamese('Xã'), 'commune');
    assert.equal(kindFromVietnamese('thị trấn'), 'commune');
    assert.equal(kindFromVietnamese(' Phường '), 'ward');
    assert.equal(kindFromVietnamese('đặc khu'), 'special_zone');
    assert.equal(kindFromVietnamese('Đặc khu'), 'special_zone');
    assert.equal(kindFromVietnamese('tỉnh'), 'province');
    assert.equal(kindFromVietnamese('Thành phố'), 'province');
    assert.equal(kindFromVietnamese('quận'), 'district');
    assert.equal(kindFromVietnamese('huyện'), 'district');
    assert.equal(kindFromVietnamese('thị xã'), 'district');
  });

  it('accepts decomposed (NFD) input', () => {
    assert.equal(kindFromVietnamese('phường'.normalize('NFD')), 'ward');
    assert.equal(kindFromVietnamese('đặc khu'.normalize('NFD')), 'special_zone');
  });

  it('returns undefined for words it does not know, including unaccented ones', () => {
    assert.equal(kindFromVietnamese('sở'), undefined);
    assert.equal(kindFromVietnamese('phuong'), undefined);
    assert.equal(kindFromVietnamese(''), undefined);
  });
});

describe('kindFromName', () => {
  it('reads the kind from the leading word of a unit name', () => {
    assert.equal(kindFromName('Phường Dương Kinh'), 'ward');
    assert.equal(kindFromName('Xã An Lão'), 'commune');
    assert.equal(kindFromName('Thị trấn Cát Bà'), 'commune');
    assert.equal(kindFromName('Thị xã Kinh Môn'), 'district');
    assert.equal(kindFromName('Đặc khu Cát Hải'), 'special_zone');
    assert.equal(kindFromName('Thành phố Hải Phòng'), 'province');
    assert.equal(kindFromName('Tỉnh Hải Dương'), 'province');
    assert.equal(kindFromName('Quận Dương Kinh'), 'district');
    assert.equal(kindFromName('Huyện Bạch Long Vĩ'), 'district');
    assert.equal(kindFromName('PHƯỜNG LÊ CHÂN'), 'ward');
  });

  it('does not confuse "Thị xã" with "Xã" nor match a prefix without a following word', () => {
    assert.equal(kindFromName('Thị xã Thủy Nguyên'), 'district');
    assert.equal(kindFromName('Phường'), undefined);
    assert.equal(kindFromName('Phườngđặc biệt'), undefined);
    assert.equal(kindFromName('Xãhội'), undefined);
  });

  it('returns undefined for agencies and other names', () => {
    assert.equal(kindFromName('Sở Khoa học và Công nghệ'), undefined);
    assert.equal(kindFromName('Ban Chỉ đạo'), undefined);
    assert.equal(kindFromName(''), undefined);
  });
});

describe('wouldCreateCycle', () => {
  it('is true when the unit is among the new parent’s ancestors (itself included)', () => {
    assert.equal(wouldCreateCycle(5, [5]), true, 'moving under itself');
    assert.equal(wouldCreateCycle(5, [9, 5, 1]), true, 'moving under a descendant');
  });

  it('is false when the new parent lies outside the unit’s subtree', () => {
    assert.equal(wouldCreateCycle(5, [9, 1]), false);
    assert.equal(wouldCreateCycle(5, []), false);
    assert.equal(wouldCreateCycle(1, [22]), false);
  });
});
