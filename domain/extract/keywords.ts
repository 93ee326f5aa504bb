/**
 * The genre's keywords as patterns over folded text (./fold.ts), tolerant of what OCR does to them:
 * a lost or wrong mark, a vowel read as a digit ("t6i thiéu", "tbi thidu"), "ơ" read as "d" or "g".
 * One letter slot is `\w` where OCR is known to garble it.
 */

export const V = '[a-z0-9&$@¢§¥€]'; // a garbled vowel slot
const v = V;

export const KW = {
  /** tối thiểu, ít nhất, không dưới/không thấp hơn */
  atLeast: new RegExp(`(?:t${v}{1,2}i thi${v}{0,2}u|it nh${v}{1,2}t|khong (?:duoi|thap hon))\\s*$`),
  /** trên, hơn, vượt */
  above: new RegExp(`(?:\\btr${v}n|\\bcao h${v}n|\\bv${v}{1,2}t)\\s*$`),
  atMost: new RegExp(`(?:t${v}{1,2}i da|khong qua|khong v${v}{1,2}t qua|\\bd${v}{1,2}i|\\bdu${v}{1,2}i)\\s*$`),
  /** phấn đấu, đạt, chiếm, tăng, giảm, bằng: neutral verbs that keep ">=" */
  reach: new RegExp(`(?:ph${v}{1,2}n d${v}{1,2}u|\\bd${v}t|chi${v}m|\\bt${v}ng|\\bgi${v}m|\\bbang|\\bla)\\s*:?\\s*$`),
  rankGroup: new RegExp(`\\bnh${v}m\\s+(\\d{1,3})\\b(?:[^.;]{0,120}?)(?:d${v}{1,2}ng d${v}{1,2}u|d${v}{1,2}u)`),
  year: /\b(20\d\d)\b/g,
  /** "Phần/mục" headings and their role in a plan */
  targetsHeading: new RegExp(`\\bm${v}c ti${v}u\\b|\\bchi ti${v}u\\b`),
  tasksHeading: new RegExp(`nhi${v}m v${v}|gi${v}i ph${v}p|n${v}i dung|\\bch${v}${v}ng trinh hanh dong`),
  organisationHeading: new RegExp(`t${v} ch${v}{1,2}c th${v}{1,3}c hi${v}n|to chuc thu c hien|trach nhiem thuc hien|phan cong thuc hien`),
  situationHeading: new RegExp(`tinh hinh|ket qua|danh gia|quan di${v}m|can c${v}|su c${v}n thi${v}t|kinh phi`),
  keyTargetsLeadIn: new RegExp(`chi ti${v}u`),
} as const;

export type Level = 'city' | 'district' | 'commune';

const LEVEL_PATTERNS: [Level, RegExp][] = [
  ['commune', new RegExp(`c${v}{0,2}p\\s+x${v}{0,2}\\b|\\bx${v},\\s+ph${v}{1,3}ng|(?:\\bo|\\b&|tai|cua)\\s+(?:cac\\s+)?ph${v}{1,3}ng\\b|c${v}{1,2}p c${v}\\s+s${v}\\b`)],
  ['district', new RegExp(`c${v}{0,2}p\\s+huy${v}{1,2}n|c${v}{0,2}p\\s+qu${v}n|qu${v}n,\\s+huy${v}{1,2}n`)],
  ['city', new RegExp(`c${v}{0,2}p\\s+(?:thanh ph${v}{0,2}|t${v}nh)\\b|c${v} quan\\s+(?:cua )?(?:thanh ph${v}{0,2}|t${v}nh)|\\bthanh ph${v}{0,2}\\b`)],
];

export interface LevelMention {
  level: Level;
  at: number;
  end: number;
}

/** The first administrative level a clause names ("tại cấp huyện"), by position in the text. */
export function levelIn(folded: string): LevelMention | null {
  let best: LevelMention | null = null;
  for (const [level, pattern] of LEVEL_PATTERNS) {
    const m = pattern.exec(folded);
    if (m && (!best || m.index < best.at)) best = { level, at: m.index, end: m.index + m[0].length };
  }
  return best;
}
