/**
 * Scores the diacritic restorer (domain/extract/diacritics.ts):
 *
 *   node --import tsx scripts/evalDiacritics.ts [--verbose]
 *
 * - test: the answer key of seed 000 (/work/shared/gold/000…json). Each target carries the OCR
 *   sentence (`ocr_text`) and its corrected Vietnamese (`text`); pairs that align word for word once
 *   punctuation and the leading label ("(1)") are removed are judged, each sentence restored alone.
 * - dev: scripts/diacriticsDev.tsv, hand corrections of some lines of seeds 003 and 004, judged
 *   after restoring the whole seed (so with the context a real upload has). The restorer's weights
 *   were set on this set, never on the test, and neither is language-model text.
 *
 * Words are compared case-insensitively. Figures: share of syllables right as printed and after
 * restoration, and the share of changes that were wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { restoreDiacritics } from '../domain/extract/diacritics.ts';
import type { TextCorrection } from '../domain/extract/types.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const shared = path.resolve(root, '..', 'shared');
const verbose = process.argv.includes('--verbose');

interface Word {
  word: string;
  start: number;
  end: number;
}
/** Words without punctuation, with their offsets. */
const words = (text: string, offset = 0): Word[] =>
  [...text.matchAll(/[\p{L}\p{N}&$§¢€@]+/gu)].map((m) => ({ word: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));
const same = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

class Score {
  pairs = 0;
  skipped = 0;
  syllables = 0;
  rightBefore = 0;
  rightAfter = 0;
  changed = 0;
  wrongChanges = 0;
  broken = 0;
  digitChanges = 0;
  mistakes: string[] = [];

  /** Judges one aligned pair: the OCR words (offsets into the restored text's input) against the expected words. */
  judge(label: string, ocr: Word[], expected: string[], corrections: TextCorrection[]) {
    if (ocr.length !== expected.length) {
      this.skipped++;
      return;
    }
    this.pairs++;
    const byStart = new Map(corrections.map((c) => [c.span.start, c]));
    ocr.forEach((w, i) => {
      const correction = byStart.get(w.start);
      const after = correction && correction.span.end === w.end ? correction.to : w.word;
      this.syllables++;
      if (same(w.word, expected[i]!)) this.rightBefore++;
      if (same(after, expected[i]!)) this.rightAfter++;
      else this.mistakes.push(`${label}: ${w.word} → ${after} (expected ${expected[i]})${correction ? ` p=${correction.confidence}` : ''}`);
      if (correction) {
        this.changed++;
        if (correction.kind === 'digit') this.digitChanges++;
        if (!same(after, expected[i]!)) this.wrongChanges++;
        if (same(w.word, expected[i]!) && !same(after, expected[i]!)) this.broken++;
      }
    });
  }

  print(title: string) {
    const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
    console.log(`${title}: ${this.pairs} pairs judged (${this.skipped} do not align word for word), ${this.syllables} syllables`);
    console.log(`  right as printed: ${this.rightBefore} (${pct(this.rightBefore, this.syllables)})`);
    console.log(`  right after:      ${this.rightAfter} (${pct(this.rightAfter, this.syllables)})`);
    console.log(
      `  changes: ${this.changed} (${this.digitChanges} of kind 'digit'); wrong: ${this.wrongChanges} (${pct(this.wrongChanges, this.changed)}); right before but wrong after: ${this.broken}`,
    );
    if (verbose) console.log(this.mistakes.map((m) => `    ${m}`).join('\n'));
  }
}

// ---- dev: lines of seeds 003 and 004 in their whole document.
const dev = new Score();
const seeds = fs.readdirSync(path.join(shared, 'seeds'));
const restoredSeeds = new Map<string, { lines: string[]; offsets: number[]; corrections: TextCorrection[] }>();
for (const row of fs.readFileSync(path.join(root, 'scripts', 'diacriticsDev.tsv'), 'utf8').split('\n')) {
  if (!row.trim() || row.startsWith('#')) continue;
  const [seed, line, corrected] = row.split('\t') as [string, string, string];
  let doc = restoredSeeds.get(seed);
  if (!doc) {
    const text = fs.readFileSync(path.join(shared, 'seeds', seeds.find((f) => f.startsWith(`${seed}_`))!), 'utf8').normalize('NFC');
    const lines = text.split('\n');
    const offsets = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
    doc = { lines, offsets, corrections: restoreDiacritics(text).corrections };
    restoredSeeds.set(seed, doc);
  }
  const n = Number(line) - 1;
  dev.judge(`${seed}:${line}`, words(doc.lines[n]!, doc.offsets[n]), words(corrected).map((w) => w.word), doc.corrections);
}
dev.print('dev (seeds 003, 004)');

// ---- test: the sentences of gold 000's targets.
const test = new Score();
const gold = JSON.parse(fs.readFileSync(path.join(shared, 'gold', '000_15f6ee404bd8efc4.json'), 'utf8')) as {
  targets: { ref: string; text: string; ocr_text?: string }[];
};
const seen = new Set<string>();
for (const target of gold.targets) {
  // Several targets share one sentence: judge it once.
  if (!target.ocr_text || seen.has(target.ocr_text)) continue;
  seen.add(target.ocr_text);
  const ocr = target.ocr_text.normalize('NFC');
  let ocrWords = words(ocr);
  const expected = words(target.text.normalize('NFC')).map((w) => w.word);
  // "(1) 100% …": the key drops the item label.
  if (ocrWords.length === expected.length + 1 && /^\s*\(?[\p{N}\p{L}]{1,2}[).]/u.test(ocr)) ocrWords = ocrWords.slice(1);
  test.judge(target.ref, ocrWords, expected, restoreDiacritics(ocr, { force: true }).corrections);
}
test.print('test (gold 000)');
