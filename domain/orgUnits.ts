/** Kinds of organisation unit. Old districts stay as closed units so that lineage can point at them. */
export const ORG_UNIT_KINDS = [
  'province',
  'district',
  'commune',
  'ward',
  'special_zone',
  'department',
  'block',
  'organization',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const LINEAGE_SHARES = ['full', 'partial'] as const;
export type LineageShare = (typeof LINEAGE_SHARES)[number];

/** Map the official list's Vietnamese kind words (communes.csv, lineage names) to our kinds. */
export function kindFromVietnamese(word: string): OrgUnitKind | undefined {
  const key = word.normalize('NFC').trim().toLowerCase();
  switch (key) {
    case 'xã':
    case 'thị trấn':
      return 'commune';
    case 'phường':
      return 'ward';
    case 'đặc khu':
      return 'special_zone';
    case 'tỉnh':
    case 'thành phố':
      return 'province';
    case 'quận':
    case 'huyện':
    case 'thị xã':
      return 'district';
    default:
      return undefined;
  }
}

/** The kind a name's leading word implies ("Phường Dương Kinh" → ward, "Thị trấn Cát Bà" → commune). */
export function kindFromName(name: string): OrgUnitKind | undefined {
  const lower = name.normalize('NFC').toLowerCase();
  for (const prefix of ['thị trấn', 'thị xã', 'thành phố', 'đặc khu', 'phường', 'xã', 'tỉnh', 'quận', 'huyện']) {
    if (lower.startsWith(prefix + ' ')) return kindFromVietnamese(prefix);
  }
  return undefined;
}

/**
 * A move must not put a unit under itself or one of its descendants; the caller passes the
 * target parent's ancestor ids (including itself) as read from the closure table.
 */
export function wouldCreateCycle(unitId: number, newParentAncestorIds: readonly number[]): boolean {
  return newParentAncestorIds.includes(unitId);
}
