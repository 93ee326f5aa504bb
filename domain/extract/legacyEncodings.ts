/**
 * Vietnamese text in the two legacy 8-bit encodings still found in provincial archives:
 * TCVN3 (ABC; the ".VnTime", ".VnArial"… fonts) and VNI (VNI-Windows; "VNI-Times"…). Such text
 * reaches us as the windows-1252 reading of its bytes: a .txt that is not UTF-8, or a DOCX run
 * whose XML holds "Céng hoµ x· héi chñ nghÜa ViÖt Nam" and relies on the font to draw
 * "Cộng hoà xã hội chủ nghĩa Việt Nam".
 *
 * Tables. TCVN3 is the VN3 subset of TCVN 5712:1993: lowercase letters and Ă Â Ê Ô Ơ Ư Đ at
 * 0xA1–0xFE (capitals come from separate "…H" fonts such as .VnTimeH that draw the lowercase
 * codes as capitals). Checked position by position against the full VN1 table in XFree86
 * (X-TrueType `TCVN/TCVNtoUCS2.c`, `lib/X11/lcUniConv/tcvn.h`), whose 0xA1–0xFE agree with VN3
 * for all 67 lowercase letters, and against duydev/vietnamese-conversion `src/charsets.ts`.
 * VNI writes a base letter followed by a mark character (ù acute, ø grave, û hook, õ tilde,
 * ï dot below; â/á/à/å/ã/ä circumflex + tone; ê/é/è/ú/ü/ë breve + tone; capitals for capitals)
 * plus single characters for đ ơ ư and the i/y vowels; checked against lamdao/xvnkb `vni.h`
 * and duydev/vietnamese-conversion.
 *
 * Detection never looks at fonts (the caller does, see `legacyFontEncoding`): it needs text whose
 * letters all lie in windows-1252, legacy-only characters (Unicode Vietnamese never writes "µ",
 * "¸" or "ø" inside a word), and words that become real Vietnamese syllables once converted.
 * The last test is what keeps French, German or Spanish text, which is also all windows-1252,
 * out: "été" would become "ộtộ", "für" "fỹr". OCR output whose marks were lost or misread
 * ("céng nghé", "k¥ nang") is kept out by asking for many legacy-only characters and for the
 * conversion to turn non-words into words, not words into other words.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------------------------
// Tables

/** TCVN3 (VN3) bytes 0xA1–0xFE; "·" marks the positions VN3 leaves empty. */
const TCVN3_A1_FE =
  'ĂÂÊÔƠƯĐăâêôơưđ' + // A1–AE
  '······' + // AF–B4
  'àảãáạ·ằẳẵắ' + // B5–BE
  '·······' + // BF–C5
  'ặầẩẫấậè·ẻẽéẹềểễếệìỉ···ĩíịò' + // C6–DF
  '·ỏõóọồổỗốộờởỡớợù·ủũúụừửữứựỳỷỹýỵ'; // E0–FE

const TCVN3 = new Map<string, string>();
for (let i = 0; i < TCVN3_A1_FE.length; i++) {
  const to = TCVN3_A1_FE[i]!;
  if (to !== '·') TCVN3.set(String.fromCharCode(0xa1 + i), to);
}
/** pdf.js turns the micro sign (TCVN3 "à") into Greek mu when it normalises a PDF's text layer. */
const GREEK_MU = '\u03bc';
TCVN3.set(GREEK_MU, 'à');

const TONE = { acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323' } as const;
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** VNI mark characters (lowercase form; the capital form is the same mark for capitals). */
const VNI_TONE_MARKS: Record<string, string> = { ù: TONE.acute, ø: TONE.grave, û: TONE.hook, õ: TONE.tilde, ï: TONE.dot };
const VNI_CIRCUMFLEX_MARKS: Record<string, string> = { â: '', á: TONE.acute, à: TONE.grave, å: TONE.hook, ã: TONE.tilde, ä: TONE.dot };
const VNI_BREVE_MARKS: Record<string, string> = { ê: '', é: TONE.acute, è: TONE.grave, ú: TONE.hook, ü: TONE.tilde, ë: TONE.dot };
/** Single VNI characters: ô ö are ơ ư (which then take tone marks), ñ is đ, and the i/ỵ forms. */
const VNI_SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

/** Two-character VNI sequences (base + mark) and single characters, both cases. */
const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();
{
  const withCase = (s: string, upper: boolean) => (upper ? s.toUpperCase() : s);
  const add = (base: string, marks: Record<string, string>, modifier: string) => {
    for (const [mark, tone] of Object.entries(marks)) {
      for (const upperBase of [false, true]) {
        const to = withCase((base + modifier + tone).normalize('NFC'), upperBase);
        // Capitals normally carry the capital mark, but the other case is read the same way.
        for (const upperMark of [false, true]) VNI_PAIRS.set(withCase(vniBaseChar(base), upperBase) + withCase(mark, upperMark), to);
      }
    }
  };
  for (const base of ['a', 'e', 'o', 'u', 'y', 'ơ', 'ư']) {
    // ỵ has its own character (î), so "y" takes no dot-below mark
    const tones = base === 'y' ? { ù: TONE.acute, ø: TONE.grave, û: TONE.hook, õ: TONE.tilde } : VNI_TONE_MARKS;
    add(base, tones, '');
  }
  for (const base of ['a', 'e', 'o']) add(base, VNI_CIRCUMFLEX_MARKS, CIRCUMFLEX);
  add('a', VNI_BREVE_MARKS, BREVE);
  for (const [from, to] of Object.entries(VNI_SINGLE)) {
    VNI_SINGLES.set(from, to);
    VNI_SINGLES.set(from.toUpperCase(), to.toUpperCase());
  }
}
/** The VNI character a base letter is written with: ơ and ư are themselves single characters. */
function vniBaseChar(base: string): string {
  return base === 'ơ' ? 'ô' : base === 'ư' ? 'ö' : base;
}

// ---------------------------------------------------------------------------------------------
// Conversion

export interface ConvertOptions {
  /** The text was drawn with a capitals font (TCVN3 ".VnTimeH"…): its lowercase codes show as capitals. */
  allCaps?: boolean;
}

/** Convert legacy text to Unicode NFC. Characters outside the encoding's table are kept as they are. */
export function convertLegacy(text: string, encoding: LegacyEncoding, options: ConvertOptions = {}): string {
  const converted = encoding === 'tcvn3' ? convertTcvn3(text) : convertVni(text);
  return (options.allCaps ? converted.toUpperCase() : converted).normalize('NFC');
}

/** Tokens as the legacy encodings see them: ASCII letters plus every windows-1252 byte ≥ 0xA1 (and µ's Greek twin). */
const TOKEN = /[A-Za-z\u00a1-\u00ff\u03bc]+/g;

/**
 * TCVN3 has no capital accented letters in its ordinary fonts, so "CỘNG HOÀ" typed in a capitals
 * font is stored as "CéNG HOµ": ASCII capitals with lowercase legacy codes. A word whose capitals
 * (A–Z and TCVN3's Ă Â Ê Ô Ơ Ư Đ) number two or more and which has no lowercase ASCII letter is
 * read as all capitals, and so is a legacy word with at most one capital standing next to such a
 * word on the same line ("X·" between "HOµ" and "HéI"). "Sè" (Số) alone keeps its case.
 */
function convertTcvn3(text: string): string {
  const words: { start: number; end: number; converted: string; capitals: number; lower: number; legacy: boolean }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    let converted = '';
    let capitals = 0;
    let lower = 0;
    let legacy = false;
    for (const ch of word) {
      const code = ch.charCodeAt(0);
      if (code >= 0x41 && code <= 0x5a) capitals++;
      else if (code >= 0x61 && code <= 0x7a) lower++;
      else if (code >= 0xa1 && code <= 0xa7) capitals++;
      else if (TCVN3.has(ch)) legacy = true;
      converted += TCVN3.get(ch) ?? ch;
    }
    words.push({ start: m.index, end: m.index + word.length, converted, capitals, lower, legacy });
  }
  const capitalWord = words.map((w) => w.legacy && w.capitals >= 2 && w.lower === 0);
  const sameLine = (a: number, b: number) => !text.slice(words[a]!.end, words[b]!.start).includes('\n');
  let out = '';
  let last = 0;
  words.forEach((w, i) => {
    const upper =
      capitalWord[i] ||
      (w.legacy && w.lower === 0 && w.capitals <= 1 && ((capitalWord[i - 1] && sameLine(i - 1, i)) || (capitalWord[i + 1] && sameLine(i, i + 1))));
    out += text.slice(last, w.start) + (upper ? w.converted.toUpperCase() : w.converted);
    last = w.end;
  });
  return out + text.slice(last);
}

function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI_PAIRS.get(text.slice(i, i + 2));
    if (pair) {
      out += pair;
      i++;
      continue;
    }
    const ch = text[i]!;
    out += VNI_SINGLES.get(ch) ?? ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllables

const INITIALS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'ch', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x'];
/** Vowel nuclei with their glides, tone marks removed. */
const OPEN_NUCLEI = ['a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'ia', 'oa', 'oe', 'oo', 'ua', 'uê', 'uơ', 'uy', 'ưa', 'uya'];
/** Nuclei that need a final consonant: "ăn", "tiên", but never "tă", "tiê". */
const CLOSED_NUCLEI = ['ă', 'â', 'oă', 'uâ', 'iê', 'yê', 'uô', 'ươ', 'uyê'];
/** Nuclei ending in a glide (i/y/o/u), and a lone y, which take no final consonant. */
const GLIDE_NUCLEI = ['y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'iêu', 'yêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uyu'];
const FINALS = ['ch', 'ng', 'nh', 'c', 'm', 'n', 'p', 't'];
const alt = (list: string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
const SYLLABLE = new RegExp(
  `^(?:${alt(INITIALS)})?(?:(?:${alt(OPEN_NUCLEI)})(?:${alt(FINALS)})?|(?:${alt(CLOSED_NUCLEI)})(?:${alt(FINALS)})|(?:${alt(GLIDE_NUCLEI)}))$`,
);
/** Spelling rules: k/gh/ngh before i e ê (y), c/g/ng elsewhere ("ke", "ghe", "nghe", but "ca", "ga", "nga"); q only as qu. */
const MISSPELT = /^(?:k(?!h)[^ieêy]|c[ieêy]|gh[^ieê]|ngh[^ieê]|g[eê]|ng[ieê]|q(?!u))/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Whether a word is spelled like one Vietnamese syllable (at most one tone mark, known rhyme). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  if ((decomposed.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(base) && !MISSPELT.test(base);
}

// ---------------------------------------------------------------------------------------------
// Detection

/** windows-1252's characters above 0xFF (its 0x80–0x9F row). */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NON_CP1252_LETTER = /[\p{L}\p{M}]/u;
/** Whether every letter of `text` is one windows-1252 holds; one outside it (ạ, ư…) proves Unicode. */
export function lettersFitCp1252(text: string): boolean {
  for (const ch of text) {
    if (ch.charCodeAt(0) <= 0xff || CP1252_EXTRA.has(ch) || ch === GREEK_MU) continue;
    if (NON_CP1252_LETTER.test(ch)) return false;
  }
  return true;
}

/** Latin-1 letters that Unicode Vietnamese itself uses; a legacy reading needs something else. */
const UNICODE_VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
const SIGNATURE: Record<LegacyEncoding, Set<string>> = {
  tcvn3: new Set([...TCVN3.keys()].filter((ch) => !UNICODE_VIETNAMESE_LATIN1.has(ch))),
  vni: new Set(
    [...VNI_PAIRS.keys()].map((pair) => pair[1]!).concat([...VNI_SINGLES.keys()]).filter((ch) => !UNICODE_VIETNAMESE_LATIN1.has(ch)),
  ),
};
const LEGACY_CHARS: Record<LegacyEncoding, Set<string>> = {
  tcvn3: new Set(TCVN3.keys()),
  vni: new Set([...VNI_PAIRS.keys()].flatMap((pair) => [...pair]).concat([...VNI_SINGLES.keys()]).filter((ch) => ch.charCodeAt(0) > 0x7f)),
};

interface Evidence {
  /** Words holding characters of the encoding */
  changed: number;
  /** …of which become Vietnamese syllables once converted */
  valid: number;
  distinctValid: number;
  /** Valid words holding a character Unicode Vietnamese never uses */
  signed: number;
  /** Words (of any kind) that are Vietnamese syllables after conversion, and all words */
  syllables: number;
  words: number;
  /** Words that are syllables as the text stands, without conversion */
  syllablesAsIs: number;
}

function evidence(text: string, encoding: LegacyEncoding): Evidence {
  const e: Evidence = { changed: 0, valid: 0, distinctValid: 0, signed: 0, syllables: 0, words: 0, syllablesAsIs: 0 };
  const distinct = new Set<string>();
  const chars = LEGACY_CHARS[encoding];
  const signature = SIGNATURE[encoding];
  // Converting word by word is exact for both encodings: neither maps across a word boundary.
  // Documents repeat their words, so each distinct word is judged once.
  const judged = new Map<string, { asIs: boolean; legacy: boolean; converted: string; ok: boolean; signed: boolean }>();
  for (const [word] of text.matchAll(TOKEN)) {
    let j = judged.get(word);
    if (!j) {
      const legacy = [...word].some((ch) => chars.has(ch));
      const converted = legacy ? convertLegacy(word, encoding) : word;
      const ok = isVietnameseSyllable(converted);
      j = { asIs: legacy ? isVietnameseSyllable(word) : ok, legacy, converted, ok, signed: [...word].some((ch) => signature.has(ch)) };
      judged.set(word, j);
    }
    e.words++;
    if (j.asIs) e.syllablesAsIs++;
    if (j.ok) e.syllables++;
    if (!j.legacy) continue;
    e.changed++;
    if (!j.ok) continue;
    e.valid++;
    distinct.add(j.converted.toLowerCase());
    if (j.signed) e.signed++;
  }
  e.distinctValid = distinct.size;
  return e;
}

export interface DetectOptions {
  /**
   * The encoding other parts of the same document were found in. A short paragraph ("Sè: 227")
   * cannot prove itself; with a prior it only has to read better converted than as it stands.
   */
  prior?: LegacyEncoding | null;
}

/** The legacy encoding `text` is written in, or null for Unicode (Vietnamese or not) and ASCII. */
export function detectLegacyEncoding(text: string, options: DetectOptions = {}): LegacyEncoding | null {
  if (!lettersFitCp1252(text)) return null;
  if (options.prior) {
    const e = evidence(text, options.prior);
    if (e.changed > 0 && e.valid >= 0.8 * e.changed && e.syllables >= e.syllablesAsIs) return options.prior;
    // fall through: the block may still prove another encoding on its own
  }
  const scored = (['tcvn3', 'vni'] as const)
    .map((encoding) => ({ encoding, e: evidence(text, encoding) }))
    .filter(
      ({ e }) =>
        // two words are enough only when they are most of the text ("KÕ HO¹CH")
        (e.distinctValid >= 3 || (e.distinctValid === 2 && e.changed >= 0.6 * e.words)) &&
        e.valid >= 0.6 * e.changed &&
        // most Vietnamese words carry a mark, so most legacy words hold a legacy character
        e.changed >= 0.3 * e.words &&
        e.syllables >= 0.5 * e.words &&
        // OCR output without reliable diacritics ("céng nghé", "k¥ nang") is mostly syllables as it
        // stands and has few legacy-only characters; real legacy text is mostly not, and has many.
        e.syllables - e.syllablesAsIs >= 0.5 * e.changed &&
        e.signed >= Math.max(1, 0.3 * e.valid),
    )
    .sort((a, b) => b.e.valid - a.e.valid);
  if (scored.length === 0) return null;
  if (scored.length === 2 && scored[0]!.e.valid === scored[1]!.e.valid) return null;
  return scored[0]!.encoding;
}

// ---------------------------------------------------------------------------------------------
// Documents

/** The encoding a font name implies: ".VnTime", ".VnArialH" (TCVN3, "H" = capitals), "VNI-Times". */
export function legacyFontEncoding(font: string | null | undefined): { encoding: LegacyEncoding; allCaps: boolean } | null {
  const name = font?.trim();
  if (!name) return null;
  if (/^\.Vn/i.test(name)) return { encoding: 'tcvn3', allCaps: /H$/.test(name) };
  if (/^VNI[- ]/i.test(name)) return { encoding: 'vni', allCaps: false };
  return null;
}

export interface RepairedBlocks {
  blocks: string[];
  /** How many blocks were converted from each encoding */
  converted: Record<LegacyEncoding, number>;
}

/**
 * Convert the legacy blocks (paragraphs, table rows…) of a document that may mix encodings: a
 * TCVN3 heading above a Unicode body. Blocks first prove their encoding on their own; then, if
 * the document has legacy blocks (or the caller knows its encoding, e.g. from fonts), the short
 * ones left over are read with that encoding when that turns them into Vietnamese.
 */
export function repairLegacyBlocks(blocks: readonly string[], options: DetectOptions = {}): RepairedBlocks {
  const converted: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const found = blocks.map((block) => detectLegacyEncoding(block));
  for (const enc of found) if (enc) converted[enc]++;
  const prior: LegacyEncoding | null =
    options.prior ?? (converted.tcvn3 + converted.vni === 0 ? null : converted.tcvn3 >= converted.vni ? 'tcvn3' : 'vni');
  const out = blocks.map((block, i) => {
    let enc = found[i];
    if (!enc && prior) {
      enc = detectLegacyEncoding(block, { prior });
      if (enc) converted[enc]++;
    }
    return enc ? convertLegacy(block, enc) : block;
  });
  return { blocks: out, converted };
}
