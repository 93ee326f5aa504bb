/**
 * Vietnamese text keys for matching. Folding removes tone and vowel marks so that
 * "duong kinh" finds "Phường Dương Kinh"; đ/Đ has no Unicode decomposition and is mapped by hand.
 * Tone placement differences ("Hòa" vs "Hoà") disappear too, because every mark is removed.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Collapse runs of whitespace (names copied from tables often carry line breaks) and normalise to NFC. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
