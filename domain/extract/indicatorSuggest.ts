/**
 * Which catalogue indicators a plan's target may be measuring: the target's indicator phrase
 * ("Tỷ lệ dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện…") against each
 * indicator's name, by the words they share. Pure, no I/O.
 *
 * Words are folded (no case, no diacritics: domain/text.ts); function words, numbers and the
 * generic "tỷ lệ", "tối thiểu", "đạt"… are dropped (nearly every % indicator starts with "Tỷ lệ",
 * so it says nothing about which one); and since Vietnamese compounds are written as separate syllables
 * ("dịch vụ công trực tuyến"), pairs of neighbouring words count as terms too: "truc tuyen" is a
 * stronger hint than "truc" and "tuyen" apart. The score is the Dice coefficient of the two term
 * sets, 2·|A∩B| / (|A|+|B|) in [0, 1], times 0.8 when the units of measure differ (a % target is
 * rarely measured by a count).
 */
import { foldVietnamese } from '../text.ts';

export interface IndicatorCandidate {
  id: number;
  code: string;
  name: string;
  unit: string;
}

export interface IndicatorSuggestion extends IndicatorCandidate {
  /** 0–1, two decimals */
  score: number;
}

const STOP_WORDS = new Set(
  (
    'cac cua va duoc tren trong cho voi tai theo nhung mot la co de nay ve tu den hoac bao gom ca ' +
    'ty le toi thieu it nhat dat phan dau chiem tang giam nam'
  ).split(' '),
);
/** Numbers (years, levels, values) differ from one target to the next and say nothing about the indicator. */
const DIGITS = /^\d+$/;

/** Folded terms of a phrase: content syllables and pairs of neighbouring content syllables. */
export function indicatorTerms(text: string): Set<string> {
  const words = foldVietnamese(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w) && !DIGITS.test(w));
  const terms = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) terms.add(`${words[i]} ${words[i + 1]}`);
  return terms;
}

/** Dice coefficient of the term sets of two phrases, 0–1. */
export function phraseSimilarity(a: string | Set<string>, b: string | Set<string>): number {
  const x = typeof a === 'string' ? indicatorTerms(a) : a;
  const y = typeof b === 'string' ? indicatorTerms(b) : b;
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return (2 * shared) / (x.size + y.size);
}

export const UNIT_MISMATCH_FACTOR = 0.8;

/**
 * The best `limit` indicators for a target, highest score first (ties by code), leaving out those
 * scoring below `minScore`. `unit` is the target's unit of measure, when known.
 */
export function suggestIndicators(
  phrase: string,
  unit: string | null,
  candidates: readonly IndicatorCandidate[],
  options: { limit?: number; minScore?: number } = {},
): IndicatorSuggestion[] {
  const { limit = 3, minScore = 0.1 } = options;
  const terms = indicatorTerms(phrase);
  return candidates
    .map((c) => {
      const raw = phraseSimilarity(terms, c.name);
      const score = unit && c.unit !== unit ? raw * UNIT_MISMATCH_FACTOR : raw;
      return { ...c, score: Math.round(score * 100) / 100 };
    })
    .filter((s) => s.score >= minScore && s.score > 0)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, limit);
}
