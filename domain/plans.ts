/**
 * Kinds of planning document (loại văn bản) by their abbreviation in the document number, as in
 * "227/KH-UBND" or "03-NQ/TU" (Nghị định 30/2020/NĐ-CP, Phụ lục III). Labels are locale keys `planKind.*`.
 */
export const PLAN_KINDS = ['NQ', 'KH', 'QĐ', 'CT', 'CTr', 'ĐA', 'BC', 'TB', 'HD', 'KL', 'CV', 'TTr'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Locale key of a kind's label ("Đ" is not a key-safe character everywhere). */
export const PLAN_KIND_LABEL_KEY: Record<PlanKind, string> = {
  NQ: 'planKind.NQ',
  KH: 'planKind.KH',
  QĐ: 'planKind.QD',
  CT: 'planKind.CT',
  CTr: 'planKind.CTr',
  ĐA: 'planKind.DA',
  BC: 'planKind.BC',
  TB: 'planKind.TB',
  HD: 'planKind.HD',
  KL: 'planKind.KL',
  CV: 'planKind.CV',
  TTr: 'planKind.TTr',
};
