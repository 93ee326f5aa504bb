/**
 * Builds the diacritic restorer's language model (domain/extract/corpus/diacritic-model.json).
 *
 *   node --import tsx scripts/buildDiacriticModel.ts [--refresh-corpus]
 *
 * Step 1 (only with --refresh-corpus, or when a corpus file is missing) vendors Vietnamese text into
 * domain/extract/corpus/*.txt: the clean seed 002, the Vietnamese phrases of the government
 * reference, Vietnamese strings of the repo, and administrative unit names. Text derived from the OCR
 * seeds 000, 003 and 004 (their corrected wording) and the gold answer keys is kept out: gold 000 is
 * the restorer's test set.
 * Step 2 counts syllable unigrams and bigrams in the corpus and adds dictionary-vi's syllables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BOS, NUM, SPECIAL, isSyllableShape, normalizeSyllable, tokenize, type ModelFile } from '../domain/extract/diacritics.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpusDir = path.join(root, 'domain', 'extract', 'corpus');
const shared = path.resolve(root, '..', 'shared');
const read = (file: string) => fs.readFileSync(file, 'utf8').normalize('NFC');

/** A syllable as the model stores it, or null for anything else (numbers, acronyms, English). */
function syllableOf(raw: string): string | null {
  if (!/^\p{L}+$/u.test(raw)) return null;
  if (raw.length > 1 && raw === raw.toUpperCase() && !isSyllableShape(raw)) return null;
  const s = normalizeSyllable(raw);
  return isSyllableShape(s) ? s : null;
}

const MARKED = /[^\x00-\x7f]/;
/** English words that are also syllable-shaped, trimmed off the ends of a run ("by Nguyễn Huy Dũng"). */
const ENGLISH_EDGE = /^(a|an|as|at|be|by|do|in|is|it|no|of|on|or|so|the|to|up)$/i;

/**
 * The Vietnamese stretches of mixed text: runs of syllables and numbers, at least two syllables
 * long, in which at least 40% of the syllables carry a mark (so "to the" or "an index" stay out).
 */
function vietnameseRuns(text: string): string[] {
  const runs: string[] = [];
  let run: { start: number; end: number; syllables: number; marked: number } | null = null;
  const close = () => {
    if (run && run.syllables >= 2 && run.marked >= 0.4 * run.syllables) {
      const words = text.slice(run.start, run.end).split(/\s+/);
      while (words.length && ENGLISH_EDGE.test(words[0]!)) words.shift();
      while (words.length && ENGLISH_EDGE.test(words.at(-1)!)) words.pop();
      if (words.length >= 2) runs.push(words.join(' '));
    }
    run = null;
  };
  for (const token of tokenize(text)) {
    const syllable = token.fixed ? null : syllableOf(token.raw);
    const number = /\p{N}/u.test(token.raw) && token.fixed;
    if (!syllable && !number) {
      close();
      continue;
    }
    if (run && token.boundary) close();
    run ??= { start: token.start, end: token.end, syllables: 0, marked: 0 };
    run.end = token.end;
    if (syllable) {
      run.syllables++;
      if (MARKED.test(syllable)) run.marked++;
    }
  }
  close();
  return runs;
}

/** String literals of a TypeScript file, without the blocks named in `skip` (start line → up to the closing line). */
function stringLiterals(file: string, skip: RegExp[] = []): string[] {
  const lines = read(file).split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip.some((re) => re.test(lines[i]!))) {
      while (i < lines.length && !/^[\]}];?$/.test(lines[i]!)) i++;
      continue;
    }
    kept.push(lines[i]!.replace(/^\s*(\/\/|\*|\/\*\*).*$/, ''));
  }
  const literals = [...kept.join('\n').matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)];
  return literals.map((m) => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' | '));
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value.replace(/\{\{?[^}]*\}\}?/g, ' | ')];
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

function csvColumn(file: string, column: string): string[] {
  const [header, ...rows] = read(file).trim().split('\n');
  const index = header!.split(',').indexOf(column);
  return rows.map((row) => row.split(',')[index] ?? '');
}

function refreshCorpus(): void {
  const seedDir = path.join(root, 'server', 'seed');
  // Left out: quotes of the seed documents («…»), the blocks that transcribe seeds 000 and 003, the
  // made-up tasks of the plans seed 004 reports on (their titles borrow 000's wording), and the
  // indicator catalogue and demo values, which were written from 000, 003 and 004.
  const skip = [/^const (NQ03|KH35)_TASKS/, /^export const (NQ03_ASSIGNMENTS|DEMO_TASK_UPDATES|DEMO_PLAN_TREE)/, /^const (KH215_\w+|NQ71|KH02|KH447|TBKL\w*)\b/];
  const seedFileStrings = fs
    .readdirSync(seedDir)
    .filter((f) => f.endsWith('.ts') && !['demoIndicators.ts', 'demoValues.ts'].includes(f))
    .flatMap((f) => stringLiterals(path.join(seedDir, f), skip))
    .filter((s) => !/[«»]|BC\/BCĐ|NQ\/TU|seed 00[034]/.test(s));
  // Not the web app's strings: they speak to the user ("Bạn có chắc…"), a register plans never use.
  const locales = ['server/locales/vi.json'].flatMap((f) => jsonStrings(JSON.parse(read(path.join(root, f)))));
  const repoStrings = [...new Set([...seedFileStrings, ...locales].flatMap(vietnameseRuns))];

  const units = path.join(seedDir, 'data', 'units-2025');
  const hp = new Set(csvColumn(path.join(units, 'communes.csv'), 'province_code').flatMap((p, i) => (p === '31' ? [i] : [])));
  const communeNames = csvColumn(path.join(units, 'communes.csv'), 'name');
  const lineage = read(path.join(units, 'lineage.csv')).trim().split('\n').slice(1).map((r) => r.split(','));
  const hpNames = new Set(communeNames.filter((_, i) => hp.has(i)));
  const oldHaiPhong = lineage.filter((r) => hpNames.has(r[1]!)).map((r) => r[3]!);
  const unitNames = [...new Set([...csvColumn(path.join(units, 'provinces.csv'), 'name'), ...communeNames, ...oldHaiPhong])];

  const reference = vietnameseRuns(read(path.join(shared, 'reference', 'vietnam-government.md')));
  const seed002 = read(fs.readdirSync(path.join(shared, 'seeds')).map((f) => path.join(shared, 'seeds', f)).find((f) => /\/002_/.test(f))!);

  fs.mkdirSync(corpusDir, { recursive: true });
  fs.writeFileSync(path.join(corpusDir, 'seed-002.txt'), seed002.replace(/\*\*/g, ''));
  fs.writeFileSync(path.join(corpusDir, 'reference.txt'), reference.join('\n') + '\n');
  fs.writeFileSync(path.join(corpusDir, 'repo-strings.txt'), repoStrings.join('\n') + '\n');
  fs.writeFileSync(path.join(corpusDir, 'units.txt'), unitNames.join('\n') + '\n');
}

function buildModel(): ModelFile {
  const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const unigram = new Map<string, number>();
  const bigram = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const file of corpusFiles) {
    // One line is one paragraph, heading or table cell.
    for (const line of read(path.join(corpusDir, file)).split('\n')) {
      let prev = SPECIAL[BOS]!;
      for (const token of tokenize(line)) {
        if (token.boundary && prev !== SPECIAL[BOS]) {
          bump(bigram, `${prev} ${SPECIAL[BOS]}`);
          prev = SPECIAL[BOS]!;
        }
        const word = /\p{N}/u.test(token.raw) ? SPECIAL[NUM]! : token.fixed ? null : syllableOf(token.raw);
        if (!word) {
          // Acronyms and foreign words: the sentence goes on, but nothing is learnt across them.
          if (prev !== SPECIAL[BOS]) bump(bigram, `${prev} ${SPECIAL[BOS]}`);
          prev = SPECIAL[BOS]!;
          continue;
        }
        bump(unigram, word);
        bump(bigram, `${prev} ${word}`);
        prev = word;
      }
      if (prev !== SPECIAL[BOS]) bump(bigram, `${prev} ${SPECIAL[BOS]}`);
    }
  }
  const dictionary = read(path.join(root, 'node_modules', 'dictionary-vi', 'index.dic'))
    .split('\n')
    .slice(1)
    .map((w) => w.split('/')[0]!.trim())
    .filter((w) => /^\p{L}+$/u.test(w) && w !== w.toUpperCase())
    .map(normalizeSyllable)
    .filter(isSyllableShape);
  const seen = [...unigram.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const syllables = [...new Set([...SPECIAL, ...seen, ...dictionary.sort()])];
  const id = new Map(syllables.map((s, i) => [s, i]));
  const bigrams = [...bigram.entries()].flatMap(([key, count]) => {
    const [a, b] = key.split(' ');
    return [id.get(a!)!, id.get(b!)!, count];
  });
  return {
    about: `Syllable bigrams for domain/extract/diacritics.ts, from ${corpusFiles.join(', ')} and dictionary-vi; built by scripts/buildDiacriticModel.ts.`,
    syllables,
    counts: syllables.map((s) => unigram.get(s) ?? 0),
    bigrams,
  };
}

const needCorpus = ['seed-002.txt', 'reference.txt', 'repo-strings.txt', 'units.txt'].some((f) => !fs.existsSync(path.join(corpusDir, f)));
if (process.argv.includes('--refresh-corpus') || needCorpus) refreshCorpus();
const built = buildModel();
const out = path.join(corpusDir, 'diacritic-model.json');
fs.writeFileSync(out, JSON.stringify(built) + '\n');
const tokens = built.counts.reduce((a, b) => a + b, 0);
console.log(`${path.relative(root, out)}: ${built.syllables.length} syllables, ${tokens} corpus tokens, ${built.bigrams.length / 3} bigrams, ${Math.round(fs.statSync(out).size / 1024)} KB`);
