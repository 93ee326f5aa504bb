/**
 * Restores Vietnamese diacritics in OCR-damaged text (issue 5, point 5).
 *
 * The scanned plans we get lost most of their marks and garbled the rest: "dugc" for "được", "s6"
 * for "số", "ciia" for "của", "Pang" for "Đảng", "phét trién" for "phát triển". The restorer is a
 * noisy-channel decoder:
 *
 * - candidates: every syllable of the lexicon (dictionary-vi plus the syllables of our corpus)
 *   within a small weighted edit distance of the token. The edit costs model this OCR: it keeps
 *   consonants and unmarked vowels, but drops marks and renders a marked vowel as a look-alike
 *   glyph (6/8/b/0 for ô/ơ, 4/3 for á/ã, é for any marked vowel, ii/tr/ir for ủ/ư, & for ở);
 * - language model: syllable bigrams with Kneser-Ney smoothing, counted from Vietnamese text that
 *   ships in the repo (see corpus/README.md and scripts/buildDiacriticModel.ts);
 * - decoding: forward-backward over each sentence; a token changes only when the posterior of its
 *   best candidate clears a threshold, and the posterior is reported as the correction's confidence.
 *
 * Numbers are never touched ("2025", "27/9/2019", "03-NQ/TU"); a token that mixes letters and digits
 * ("s6", "1a") may be restored but its correction is marked kind 'digit' so the reviewer sees it.
 */
import fs from 'node:fs';
import type { TextCorrection } from './types.ts';

export interface RestoreResult {
  text: string;
  /** Spans point into the input text. */
  corrections: TextCorrection[];
}

export interface RestoreOptions {
  /** Restore even when the text does not look like OCR output (default: clean text is returned as is). */
  force?: boolean;
  /** Posterior a change needs; below it the token is left as printed. */
  minConfidence?: number;
}

// ---- Syllables ------------------------------------------------------------------------------

const TONES = '\u0300\u0301\u0309\u0303\u0323'; // huyền, sắc, hỏi, ngã, nặng

/** Lower-case, marks removed, đ → d: the key OCR cannot damage further. */
export function foldSyllable(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * NFC, lower-case, tone on the first vowel of open "oa/oe/uy" ("hòa", "khỏe", "thủy"), as the
 * seed documents write them; dictionary-vi uses the other placement ("hoà", "thuỷ").
 */
export function normalizeSyllable(s: string): string {
  const lower = s.normalize('NFC').toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  const nfd = lower.normalize('NFD');
  const tone = [...nfd].find((c) => TONES.includes(c));
  if (!tone) return lower;
  const bare = nfd.replace(new RegExp(`[${TONES}]`, 'g'), '').normalize('NFC');
  const m = /^(qu|gi|[^aăâeêioôơuưy]*)([aăâeêioôơuưy]+)(.*)$/.exec(bare);
  if (!m) return lower;
  const [, onset = '', vowels = '', coda = ''] = m;
  // A shaped vowel takes the tone ("ương" on ơ); else the middle of three, the last before a coda,
  // the first of two in an open syllable (which gives "hòa", "thủy", like "hài", "mùa").
  let at = 0;
  if (/[ăâêôơư]/.test(vowels)) at = Math.max(...[...vowels].map((c, i) => ('ăâêôơư'.includes(c) ? i : -1)));
  else if (vowels.length === 3) at = 1;
  else if (coda !== '') at = vowels.length - 1;
  const marked = [...vowels].map((c, i) => (i === at ? (c + tone).normalize('NFC') : c)).join('');
  return onset + marked + coda;
}

const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/;

/** Has the shape of a Vietnamese syllable (onset, vowels, coda, at most one tone). */
export function isSyllableShape(s: string): boolean {
  const nfd = s.normalize('NFC').toLowerCase().normalize('NFD');
  const tones = [...nfd].filter((c) => TONES.includes(c)).length;
  if (tones > 1) return false;
  const bare = nfd.replace(new RegExp(`[${TONES}]`, 'g'), '').normalize('NFC');
  return SYLLABLE.test(bare);
}

// ---- Tokens ---------------------------------------------------------------------------------

/** Words, numbers and codes; &$§¢€@ are glyphs this OCR prints for marked letters ("S&" for "Sở"). */
const CHUNK = /[\p{L}\p{N}&$§¢€@]+(?:[-/.,:][\p{L}\p{N}&$§¢€@]+)*/gu;
/** Between two tokens, these end a sentence for the language model. */
const BOUNDARY = /[.;:!?()[\]«»“”"|…]|\n\s*\n/;

export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Numbers, dates and document codes: never changed. */
  fixed: boolean;
  /** A sentence boundary lies between this token and the previous one. */
  boundary: boolean;
}

/**
 * Word tokens with offsets. Codes with digits or slashes ("03-NQ/TU", "27/9/2019") stay whole and
 * fixed, and so do list labels ("II.", "a)", "đ)").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const push = (start: number, raw: string, fixed: boolean) => {
    const gap = text.slice(last, start);
    tokens.push({ start, end: start + raw.length, raw, fixed, boundary: tokens.length === 0 || BOUNDARY.test(gap) });
    last = start + raw.length;
  };
  for (const m of text.matchAll(CHUNK)) {
    const chunk = m[0];
    const hasSeparator = /[-/.,:]/.test(chunk);
    const label = /^[IVX]+$|^\p{L}$/u.test(chunk) && /^[.)]/.test(text.slice(m.index + chunk.length));
    if (label || (hasSeparator && (/\p{N}/u.test(chunk) || chunk.includes('/')))) {
      push(m.index, chunk, true);
      continue;
    }
    let offset = m.index;
    for (const part of hasSeparator ? chunk.split(/[-/.,:]/) : [chunk]) {
      push(offset, part, isFixedWord(part));
      offset += part.length + 1;
    }
  }
  return tokens;
}

function isFixedWord(raw: string): boolean {
  if (/^\p{N}+$/u.test(raw) || raw.length > 9) return true;
  // Acronyms (UBND, CNTT, KH, BCĐ): all capitals without a vowel would otherwise gain one ("KH" → "KHI").
  return raw.length > 1 && /^\p{Lu}+$/u.test(raw) && !/[AEIOUY]/.test(foldedUpper(raw));
}

const foldedUpper = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/Đ/g, 'D');

/** What the channel compares: lower case, with a capital I inside a lower-case word read as the l/I look-alike. */
function observedForm(raw: string): string {
  const allCaps = raw === raw.toUpperCase();
  return (allCaps ? raw : raw.replace(/I/g, 'ı')).normalize('NFC').toLowerCase();
}

// ---- The OCR channel -----------------------------------------------------------------------

interface CharInfo {
  fold: string;
  vowel: boolean;
  /** Carries a tone or shape mark, or is đ. */
  marked: boolean;
}

function charInfo(c: string): CharInfo | null {
  if (!/\p{L}/u.test(c) || c === 'ı') return null;
  const fold = foldSyllable(c);
  return { fold, vowel: 'aeiouy'.includes(fold), marked: fold !== c };
}

const vowelsOf = (base: string) => [...base].flatMap((b) => ['', ...TONES].map((t) => (b + t).normalize('NFC'))).join('');
const O_MARKED = vowelsOf('ôơ') + 'óòỏõọ';
const A_MARKED = vowelsOf('ăâ') + 'áàảãạ';
const E_HAT = vowelsOf('ê');
const U_HORN = vowelsOf('ư');
const O_HORN = vowelsOf('ơ');
const U_MARKED = U_HORN + 'úùủũụ';
const I_ANY = vowelsOf('i');
const MARKED_VOWELS = vowelsOf('aăâeêioôơuưy').replace(/[aeiouy]/g, '') + 'ăâêôơư';

/** Look-alike glyphs, read off the seed scans: observed character → [target letters, cost]. */
const GLYPHS: Record<string, [string, number][]> = {
  '6': [[O_MARKED, 0.4]],
  '8': [[O_MARKED, 0.5]],
  '0': [[O_MARKED, 0.5]],
  b: [[O_MARKED, 0.5], ['đ', 0.8]],
  d: [[MARKED_VOWELS, 0.6], [O_HORN, 0.4]],
  i: [[MARKED_VOWELS, 0.6]],
  l: [[U_HORN, 0.5]],
  t: [[U_MARKED, 0.7]],
  w: [[U_HORN, 0.3], [O_HORN, 0.5]],
  g: [[O_HORN, 0.5]],
  e: [['c', 0.4]],
  '4': [[A_MARKED, 0.4]],
  '3': [[A_MARKED, 0.5], [E_HAT, 0.6]],
  '1': [['l', 0.3], [I_ANY, 0.5]],
  ı: [['l', 0.2], ['i', 0.3], [I_ANY, 0.4]],
  '|': [['l', 0.3]],
  '&': [[MARKED_VOWELS, 0.4]],
  $: [['s', 0.3], [O_MARKED, 0.5]],
  '§': [[O_MARKED, 0.4], ['s', 0.5]],
  '¢': [[E_HAT, 0.3]],
  '€': [[E_HAT, 0.3]],
  '@': [[A_MARKED, 0.5]],
  p: [['đ', 0.5]],
  '5': [['s', 0.6]],
};

/** Two observed characters for one letter: "ciia" → của, "thirc" → thức, "rn" → m. */
const PAIRS: Record<string, [string, number][]> = {
  ii: [[U_MARKED, 0.45]],
  ti: [[U_MARKED, 0.45]],
  it: [[U_MARKED, 0.5]],
  tt: [[U_MARKED, 0.5]],
  ir: [[U_HORN, 0.4]],
  tr: [[U_HORN, 0.4]],
  lr: [[U_HORN, 0.4]],
  og: [[O_HORN, 0.5]],
  rn: [['m', 0.3]],
  cl: [['d', 0.5]],
};

/** One observed character for two letters: "mg" → ứng. */
const SPLITS: Record<string, [string, string, number][]> = {
  m: [[U_HORN, 'n', 0.5]],
};

const MARK_LOST = 0.25;

function substitution(o: string, t: string): number {
  if (o === t) return 0;
  const T = charInfo(t)!;
  const O = charInfo(o);
  if (O && O.fold === T.fold) {
    if (!O.marked) return t === 'đ' ? 0.2 : MARK_LOST;
    return T.marked ? 0.35 : 0.9;
  }
  let cost = 2;
  // A marked vowel is where this OCR fails: any glyph may stand there; an unmarked letter is read right.
  if (T.vowel && T.marked) cost = O ? (O.marked ? 0.8 : O.vowel ? 0.9 : 1) : 0.8;
  for (const [targets, c] of GLYPHS[o] ?? []) if (targets.includes(t)) cost = Math.min(cost, c);
  return cost;
}

const insertion = (o: string) => (/\p{L}/u.test(o) ? 1 : 0.6);
const deletion = (t: string) => (MARKED_VOWELS.includes(t) ? 0.8 : 2.0);

/** Edits above this are not considered. */
const MAX_COST = 1.9;

/** The letters syllables are spelt with; costs are tabled by their index. */
const ALPHABET = [...new Set([...'abcdefghijklmnopqrstuvwxyzđ', ...vowelsOf('aăâeêioôơuưy')])];
const LETTER = new Map(ALPHABET.map((c, i) => [c, i]));
const DELETION = Float64Array.from(ALPHABET, deletion);

const substitutionRows = new Map<string, Float64Array>();
/** Cost of reading each letter as the observed character. */
function substitutionRow(o: string): Float64Array {
  let row = substitutionRows.get(o);
  if (!row) substitutionRows.set(o, (row = Float64Array.from(ALPHABET, (t) => substitution(o, t))));
  return row;
}

const tableRows = <T extends unknown[]>(table: Record<string, [string, ...T][]>, cost: (entry: [string, ...T], t: string) => number) =>
  new Map(Object.entries(table).map(([key, entries]) => [key, Float64Array.from(ALPHABET, (t) => Math.min(2, ...entries.map((e) => cost(e, t))))]));
const PAIR_ROWS = tableRows(PAIRS, ([targets, c], t) => (targets.includes(t) ? c : 2));
/** For a split the row is indexed by the second letter; the first must be among the entry's targets. */
const SPLIT_ROWS = tableRows(SPLITS, ([, second, c], t) => (t === second ? c : 2));

interface Trie {
  letter: number[];
  children: number[][];
  syllable: number[];
}

function buildTrie(syllables: string[]): Trie {
  const trie: Trie = { letter: [-1], children: [[]], syllable: [-1] };
  syllables.forEach((s, id) => {
    if (id < SPECIAL.length) return;
    const letters = [...s].map((c) => LETTER.get(c));
    if (letters.some((l) => l === undefined)) return;
    let node = 0;
    for (const l of letters as number[]) {
      let next = trie.children[node]!.find((c) => trie.letter[c] === l);
      if (next === undefined) {
        next = trie.letter.length;
        trie.letter.push(l);
        trie.children.push([]);
        trie.syllable.push(-1);
        trie.children[node]!.push(next);
      }
      node = next;
    }
    trie.syllable[node] = id;
  });
  return trie;
}

/**
 * Syllables within MAX_COST of the observed token: a weighted edit distance (with the OCR's
 * two-for-one and one-for-two confusions) computed along the lexicon trie, pruning every branch
 * whose best prefix already costs too much.
 */
function searchLexicon(trie: Trie, observed: string): { id: number; cost: number }[] {
  const o = [...observed];
  const n = o.length;
  const subs = o.map(substitutionRow);
  const ins = o.map(insertion);
  const pairs = o.map((c, i) => (i > 0 ? PAIR_ROWS.get(o[i - 1]! + c) : undefined));
  const splits = o.map((c) => (SPLITS[c] ? { row: SPLIT_ROWS.get(c)!, first: SPLITS[c]!.map(([f]) => f).join('') } : undefined));
  const special = pairs.some(Boolean) || splits.some(Boolean);
  const found: { id: number; cost: number }[] = [];
  // rows[d] holds the costs after the d-th letter of the current trie path (depth-first, so reused).
  const rows: Float64Array[] = [new Float64Array(n + 1)];
  for (let i = 1; i <= n; i++) rows[0]![i] = rows[0]![i - 1]! + ins[i - 1]!;
  const visit = (node: number, depth: number) => {
    const row = rows[depth]!;
    const parentRow = depth > 0 ? rows[depth - 1]! : null;
    const parentLetter = ALPHABET[trie.letter[node]!];
    const r = (rows[depth + 1] ??= new Float64Array(n + 1));
    for (const child of trie.children[node]!) {
      const t = trie.letter[child]!;
      const del = DELETION[t]!;
      r[0] = row[0]! + del;
      let min = r[0];
      for (let i = 1; i <= n; i++) {
        let best = row[i - 1]! + subs[i - 1]![t]!;
        const d = row[i]! + del;
        if (d < best) best = d;
        const a = r[i - 1]! + ins[i - 1]!;
        if (a < best) best = a;
        if (special) {
          const pair = pairs[i - 1];
          if (pair) best = Math.min(best, row[i - 2]! + pair[t]!);
          const split = splits[i - 1];
          if (split && parentRow && parentLetter && split.first.includes(parentLetter)) best = Math.min(best, parentRow[i - 1]! + split.row[t]!);
        }
        r[i] = best;
        if (best < min) min = best;
      }
      if (min > MAX_COST) continue;
      if (trie.syllable[child]! >= 0 && r[n]! <= MAX_COST) found.push({ id: trie.syllable[child]!, cost: r[n]! });
      visit(child, depth + 1);
    }
  };
  visit(0, 0);
  return found;
}

// ---- The language model --------------------------------------------------------------------

const MODEL_FILE = new URL('./corpus/diacritic-model.json', import.meta.url);
export const BOS = 0;
export const NUM = 1;
/** Ids 0 and 1 are the sentence boundary and any number; syllables follow. */
export const SPECIAL = ['<s>', '<num>'];

/** What scripts/buildDiacriticModel.ts writes: syllables with their counts, and bigram counts. */
export interface ModelFile {
  about: string;
  syllables: string[];
  counts: number[];
  /** Flat triples: previous id, id, count. */
  bigrams: number[];
}

interface Model {
  syllables: string[];
  ids: Map<string, number>;
  logUni: Float64Array;
  uni: Float64Array;
  /** Count of each id as a context, and its number of distinct followers (for the back-off weight). */
  context: Float64Array;
  followers: Float64Array;
  bigram: Map<number, number>;
  trie: Trie;
}

/** Kneser-Ney discount. */
const DISCOUNT = 0.75;
/** Pseudo-count giving lexicon syllables the corpus never saw a small unigram share. */
const FLOOR = 0.1;
/** Probability of leaving a token that is no syllable as printed (a name, an acronym, noise). */
const KEEP = 1e-6;

let model: Model | undefined;

function loadModel(): Model {
  if (model) return model;
  const file = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as ModelFile;
  const n = file.syllables.length;
  const context = new Float64Array(n);
  const followers = new Float64Array(n);
  const predecessors = new Float64Array(n);
  const bigram = new Map<number, number>();
  for (let i = 0; i < file.bigrams.length; i += 3) {
    const [a, b, c] = [file.bigrams[i]!, file.bigrams[i + 1]!, file.bigrams[i + 2]!];
    bigram.set(a * n + b, c);
    context[a]! += c;
    followers[a]! += 1;
    predecessors[b]! += 1;
  }
  // Continuation unigram: how many different syllables precede a syllable, not how often it occurs.
  let types = 0;
  for (const p of predecessors) types += p;
  const uni = new Float64Array(n);
  const logUni = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    uni[i] = (predecessors[i]! + FLOOR) / (types + FLOOR * n);
    logUni[i] = Math.log(uni[i]!);
  }
  model = { syllables: file.syllables, ids: new Map(file.syllables.map((s, i) => [s, i])), logUni, uni, context, followers, bigram, trie: buildTrie(file.syllables) };
  return model;
}

/** P(w | v); -1 is a token left as printed, which predicts and conditions nothing. */
function prob(m: Model, v: number, w: number): number {
  if (w < 0) return KEEP;
  if (v < 0 || m.context[v] === 0) return m.uni[w]!;
  const c = m.bigram.get(v * m.syllables.length + w) ?? 0;
  return (Math.max(c - DISCOUNT, 0) + DISCOUNT * m.followers[v]! * m.uni[w]!) / m.context[v]!;
}

// ---- Decoding ------------------------------------------------------------------------------

/** Weight of the channel cost against the language model's log-probability. */
const CHANNEL_WEIGHT = 4;
const LM_WEIGHT = 0.7;
/** Candidates kept per token after the channel and unigram ranking. */
const MAX_CANDIDATES = 14;
/** ... and only those whose channel and unigram score is within this many nats of the best. */
const RANK_MARGIN = 4;
const DEFAULT_MIN_CONFIDENCE = 0.6;

interface Candidates {
  /** Syllable ids; -1 keeps the token as printed. */
  ids: number[];
  costs: number[];
  /** The id that means "unchanged" (the token's own syllable, or -1). */
  keep: number;
}

const candidateCache = new Map<string, Candidates>();

function candidatesFor(m: Model, observed: string): Candidates {
  const cached = candidateCache.get(observed);
  if (cached) return cached;
  const own = m.ids.get(normalizeSyllable(observed.replace(/ı/g, 'i')));
  const keep = own !== undefined && own >= SPECIAL.length ? own : -1;
  const found: { id: number; cost: number; rank: number }[] = [{ id: keep, cost: 0, rank: -Math.log(keep < 0 ? KEEP : m.uni[keep]!) }];
  for (const { id, cost } of searchLexicon(m.trie, observed)) {
    if (id !== keep) found.push({ id, cost, rank: CHANNEL_WEIGHT * cost - m.logUni[id]! });
  }
  found.sort((a, b) => a.rank - b.rank);
  const top = found.slice(0, MAX_CANDIDATES).filter((c) => c.rank <= found[0]!.rank + RANK_MARGIN);
  if (!top.some((c) => c.id === keep)) top.splice(MAX_CANDIDATES - 1, 1, found.find((c) => c.id === keep)!);
  const result = { ids: top.map((c) => c.id), costs: top.map((c) => c.cost), keep };
  if (candidateCache.size > 50_000) candidateCache.clear();
  candidateCache.set(observed, result);
  return result;
}

/**
 * Posterior of every candidate of every position of one sentence: forward-backward over the bigram
 * lattice, in probabilities rescaled at every step (so nothing underflows and no logs are needed).
 */
function posteriors(m: Model, lattice: Candidates[]): Float64Array[] {
  const n = lattice.length;
  const emission = lattice.map((c) => Float64Array.from(c.costs, (cost) => Math.exp(-CHANNEL_WEIGHT * cost)));
  // transition[i][j * K + k]: P(candidate k at i | candidate j at i - 1); position 0 follows the boundary.
  const transition = lattice.map((c, i) => {
    const from = i === 0 ? [BOS] : lattice[i - 1]!.ids;
    const t = new Float64Array(from.length * c.ids.length);
    for (let j = 0; j < from.length; j++) for (let k = 0; k < c.ids.length; k++) t[j * c.ids.length + k] = prob(m, from[j]!, c.ids[k]!) ** LM_WEIGHT;
    return t;
  });
  const normalize = (xs: Float64Array) => {
    let total = 0;
    for (const x of xs) total += x;
    for (let k = 0; k < xs.length; k++) xs[k] = xs[k]! / (total || 1);
    return xs;
  };
  const alpha: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const previous = i === 0 ? Float64Array.of(1) : alpha[i - 1]!;
    const K = lattice[i]!.ids.length;
    const a = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let j = 0; j < previous.length; j++) sum += previous[j]! * transition[i]![j * K + k]!;
      a[k] = sum * emission[i]![k]!;
    }
    alpha.push(normalize(a));
  }
  const beta: Float64Array[] = new Array(n);
  beta[n - 1] = normalize(Float64Array.from(lattice[n - 1]!.ids, (v) => prob(m, v, BOS) ** LM_WEIGHT));
  for (let i = n - 2; i >= 0; i--) {
    const K = lattice[i + 1]!.ids.length;
    const b = new Float64Array(lattice[i]!.ids.length);
    for (let j = 0; j < b.length; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += transition[i + 1]![j * K + k]! * emission[i + 1]![k]! * beta[i + 1]![k]!;
      b[j] = sum;
    }
    beta[i] = normalize(b);
  }
  return alpha.map((a, i) => normalize(a.map((x, k) => x * beta[i]![k]!)));
}

/** Capitals as printed; a leading I in a lower-case word is the OCR's l ("Iy" → "lý"). */
function applyCase(raw: string, syllable: string): string {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && !/\p{Ll}/u.test(letters)) return syllable.toUpperCase();
  if (/^\p{Lu}/u.test(raw) && !raw.startsWith('I')) return syllable[0]!.toUpperCase() + syllable.slice(1);
  return syllable;
}

function kindOf(from: string, to: string): TextCorrection['kind'] {
  if (/\p{N}/u.test(from)) return 'digit';
  return foldSyllable(from) === foldSyllable(to) ? 'diacritics' : 'ocr-glyph';
}

/**
 * Restores diacritics where the restorer is confident. Text that does not look like OCR output
 * comes back unchanged unless `force` is set.
 */
export function restoreDiacritics(text: string, options: RestoreOptions = {}): RestoreResult {
  if (!options.force && !looksLikeOcr(text)) return { text, corrections: [] };
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const m = loadModel();
  const tokens = tokenize(text);
  const corrections: TextCorrection[] = [];

  const decode = (sentence: Token[]) => {
    const lattice = sentence.map((t): Candidates => {
      if (!t.fixed) return candidatesFor(m, observedForm(t.raw));
      const id = /\p{N}/u.test(t.raw) ? NUM : (m.ids.get(normalizeSyllable(t.raw)) ?? -1);
      return { ids: [id], costs: [0], keep: id };
    });
    const post = posteriors(m, lattice);
    sentence.forEach((token, i) => {
      const c = lattice[i]!;
      const p = post[i]!;
      const best = p.indexOf(Math.max(...p));
      const id = c.ids[best]!;
      if (id === c.keep || p[best]! < minConfidence) return;
      const to = applyCase(token.raw, m.syllables[id]!);
      if (to === token.raw) return;
      corrections.push({
        span: { start: token.start, end: token.end },
        from: token.raw,
        to,
        kind: kindOf(token.raw, to),
        confidence: Math.round(p[best]! * 1000) / 1000,
      });
    });
  };
  let sentence: Token[] = [];
  for (const token of tokens) {
    if (token.boundary && sentence.length) {
      decode(sentence);
      sentence = [];
    }
    sentence.push(token);
  }
  if (sentence.length) decode(sentence);

  let out = '';
  let at = 0;
  for (const c of corrections) {
    out += text.slice(at, c.span.start) + c.to;
    at = c.span.end;
  }
  return { text: out + text.slice(at), corrections };
}

/**
 * Cheap test for OCR output that lost its diacritics: too many words that are no Vietnamese
 * syllable as printed ("dugc", "céng"), mix digits and letters ("s6"), or too few marked words
 * (clean Vietnamese marks about three syllables in four).
 */
export function looksLikeOcr(text: string): boolean {
  const m = loadModel();
  let words = 0;
  let broken = 0;
  let marked = 0;
  for (const t of tokenize(text)) {
    if (t.fixed || !/\p{L}/u.test(t.raw) || (t.raw.length > 1 && t.raw === t.raw.toUpperCase())) continue;
    words++;
    const s = normalizeSyllable(t.raw);
    if (/[\p{N}&$§¢€@]/u.test(t.raw) || !m.ids.has(s)) broken++;
    if (/[^\x00-\x7f]/.test(s)) marked++;
  }
  if (words < 5) return false;
  return broken / words > 0.1 || marked / words < 0.45;
}
