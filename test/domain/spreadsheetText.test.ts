import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBlock, numberFromText, numberToText, parseNumberText, parseTable } from '../../domain/spreadsheetText.ts';

const vi = (text: string) => numberFromText(text, 'vi');
const en = (text: string) => numberFromText(text, 'en');

describe('numbers typed or pasted as text', () => {
  it('reads the Vietnamese format: dots group thousands, the comma is decimal', () => {
    assert.equal(vi('3.658.476'), 3_658_476);
    assert.equal(vi('1.234,5'), 1234.5);
    assert.equal(vi('99,68'), 99.68);
    assert.equal(vi('1.234'), 1234, 'one dot and three digits groups thousands in Vietnamese');
    assert.equal(vi('0,125'), 0.125);
    assert.equal(vi('-1.234,75'), -1234.75);
    assert.equal(vi('99,68%'), 99.68);
    assert.equal(vi('3 658 476'), 3_658_476, 'spaces (also non-breaking) group thousands');
    assert.equal(vi('3\u00a0658\u00a0476'), 3_658_476);
  });

  it('reads the plain and English format too', () => {
    assert.equal(vi('1234.5'), 1234.5, 'a dot after four digits is decimal whatever the language');
    assert.equal(vi('12.5'), 12.5);
    assert.equal(vi('0.125'), 0.125, 'a first group of 0 never groups thousands');
    assert.equal(vi('1,234.5'), 1234.5, 'with both, the last separator is the decimal one');
    assert.equal(vi('1,234,567'), 1_234_567, 'several commas group thousands');
    assert.equal(en('1,234'), 1234);
    assert.equal(en('1.234'), 1.234);
    assert.equal(en('3,670,241'), 3_670_241);
    assert.equal(vi('42'), 42);
    assert.equal(vi('+7'), 7);
    assert.equal(vi('(1.500)'), -1500, 'accounting negatives');
    assert.equal(Object.is(vi('-0'), 0), true);
  });

  it('tells blank from invalid', () => {
    assert.deepEqual(parseNumberText('  '), { kind: 'blank' });
    assert.deepEqual(parseNumberText('-'), { kind: 'blank' });
    for (const bad of ['một nghìn', '1.23.4', '1,2,3', '12a', '1.234,5,6', '1..2', '--1', '1.234.5', '%'])
      assert.equal(parseNumberText(bad).kind, 'invalid', bad);
    assert.ok(Number.isNaN(vi('abc')));
    assert.equal(vi(''), null);
  });

  it('writes numbers back so that reading them again gives the same number', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const x of [0, 1234, 1.234, 1234.5, 0.125, 3_658_476, -42.75, 99.68, 1e9 + 0.5])
        assert.equal(numberFromText(numberToText(x, lang), lang), x, `${x} in ${lang}`);
    assert.equal(numberToText(1234.5, 'vi'), '1.234,5');
    assert.equal(numberToText(1234.5, 'en'), '1,234.5');
  });
});

describe('blocks pasted from a spreadsheet', () => {
  it('splits rows on newlines and cells on tabs, dropping the line break after the last row', () => {
    assert.deepEqual(parseTable('1\t2\n3\t4\n'), [
      ['1', '2'],
      ['3', '4'],
    ]);
    assert.deepEqual(parseTable('1\r\n2\r\n'), [['1'], ['2']]);
    assert.deepEqual(parseTable('a\t\tc'), [['a', '', 'c']], 'empty cells keep their place');
    assert.deepEqual(parseTable('\t5\n'), [['', '5']]);
    assert.deepEqual(parseTable(''), []);
  });

  it('reads quoted cells holding tabs, newlines and quotes', () => {
    assert.deepEqual(parseTable('"Ghi chú\ndòng 2"\t1.234\n"Nói ""có"""\t5'), [
      ['Ghi chú\ndòng 2', '1.234'],
      ['Nói "có"', '5'],
    ]);
    assert.deepEqual(parseTable('5" màn hình\t2'), [['5" màn hình', '2']], 'a quote inside a cell is just a character');
  });

  it('knows a block from a single value', () => {
    assert.equal(isBlock('1.234'), false);
    assert.equal(isBlock('1.234\n'), false, 'one cell copied from Excel ends with a line break');
    assert.equal(isBlock('1\t2'), true);
    assert.equal(isBlock('1\n2\n'), true);
  });
});
