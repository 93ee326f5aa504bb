/**
 * The OCR diacritic restorer as the extraction pipeline uses it. Pieces of one document repeat
 * (headings, agency names, indicator phrases), so restorations are memoised per text.
 */
import { looksLikeOcr, restoreDiacritics } from '../../domain/extract/diacritics.ts';
import type { Restorer } from '../../domain/extract/extractPlan.ts';

export function ocrRestorer(): Restorer {
  const memo = new Map<string, ReturnType<typeof restoreDiacritics>>();
  return {
    looksLikeOcr,
    restore(text) {
      let hit = memo.get(text);
      if (!hit) {
        hit = restoreDiacritics(text, { force: true });
        memo.set(text, hit);
      }
      return hit;
    },
  };
}
