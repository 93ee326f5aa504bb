/**
 * Length-preserving folding: every character maps to exactly one character, so a regex match on
 * the folded text gives offsets that are valid in the original. OCR text keeps its damage
 * ("tbi thiéu" folds to "tbi thieu"); the keyword patterns in ./keywords.ts tolerate it.
 */
export function foldKeepLength(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length > 1) {
      out += '?'.repeat(ch.length);
      continue;
    }
    const base = ch.normalize('NFD')[0] ?? ch;
    const lower = base === 'Đ' || base === 'đ' ? 'd' : base.toLowerCase();
    out += lower.length === 1 ? lower : ch;
  }
  return out;
}

/** Tokens of folded text, for word-overlap measures. */
export function foldedWords(text: string): string[] {
  return foldKeepLength(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
