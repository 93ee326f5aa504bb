/**
 * Agency names as plans write them, split out of subject phrases and matched to the unit registry.
 * Matching works on folded names and tolerates OCR damage ("S& Thong tin va Truyén théng") by edit
 * distance; a closed unit resolves to its successor through lineage (a 2020 plan's Sở Thông tin và
 * Truyền thông is today's Sở Khoa học và Công nghệ).
 */
import { distance } from 'fastest-levenshtein';
import { foldKeepLength } from './fold.ts';
import type { AgencyMatch } from './types.ts';

export interface RegistryUnit {
  code: string;
  name: string;
  /** Other names it is known by ("UBND phường Dương Kinh", short forms) */
  aliases?: string[];
  closed?: boolean;
  successorCode?: string | null;
}

/** Words that open an agency's name: where a list of agencies may be cut. */
const HEAD = String.raw`(?:c[a-z0-9&]{1,2}c\s+)?(?:s[a-z0-9&$]{1,2}\b|[uü]y ban|ubnd|ban\b|van ph[a-z0-9]{1,2}ng|cong an|b[a-z0-9]{1,2} ch[a-z0-9]{1,2} huy|d[a-z0-9]{1,2}i\b|bao\b|ng[a-z0-9]{1,2}n h[a-z0-9]{1,2}ng|chi nh[a-z0-9]{1,2}nh|h[a-z0-9]{1,2}i\b|li[a-z0-9]{1,2}n do[a-z0-9]{1,2}n|c[a-z0-9]{1,2}c thu[a-z0-9]{1,2}|kho b[a-z0-9]{1,2}c|b[a-z0-9]{1,2}o hi[a-z0-9]{1,2}m|vi[a-z0-9]{1,2}n th[a-z0-9]{1,2}ng|m[a-z0-9]{1,2}t tr[a-z0-9]{1,2}n|d[a-z0-9]{1,2}ng do[a-z0-9]{1,2}n|thanh do[a-z0-9]{1,2}n|trung t[a-z0-9]{1,2}m|tr[a-z0-9]{1,3}ng\b|t[a-z0-9]{1,2}a [a-z0-9]{1,2}n|vi[a-z0-9]{1,2}n\b|thanh tra|b[a-z0-9]{1,2}u di[a-z0-9]{1,2}n|t[a-z0-9]{1,2}ng c[a-z0-9]{1,2}ng ty|c[a-z0-9]{1,2}ng ty|c[a-z0-9]{1,2}p [a-z0-9]{1,2}y|c[a-z0-9]{1,2}c t[a-z0-9]{1,2} ch[a-z0-9]{1,3}c|b[a-z0-9]{1,2} (?:th[a-z0-9]{1,3}ng tin|k[a-z0-9]{1,2} ho[a-z0-9]{1,2}ch))`;
const HEAD_AT_START = new RegExp(`^${HEAD}`);
const SEPARATOR = new RegExp(`(?:,\\s*|\\s+v[a-z0-9]\\s+)(?=${HEAD})`, 'g');

/** "Các Sở, ban, ngành thành phố, Ủy ban nhân dân các quận, huyện" → the two bodies. */
export function splitAgencies(phrase: string): string[] {
  const text = phrase.replace(/\s+/g, ' ').replace(/[:.;,]+\s*$/, '').trim();
  const folded = foldKeepLength(text);
  const cuts = [0];
  for (const m of folded.matchAll(SEPARATOR)) {
    const at = (m.index ?? 0) + m[0].length;
    // "Các Sở, ban, ngành": "ban" after a comma continues the list of kinds, not a new body.
    if (/^ban\s*,|^ban nganh|^ban, nganh/.test(folded.slice(at))) continue;
    // "Ngân hàng Nhà nước Việt Nam, Chi nhánh thành phố Hải Phòng" is one body.
    if (/^chi nh\S{1,2}nh (?:thanh pho|tinh|tai)\b/.test(folded.slice(at))) continue;
    cuts.push(at);
  }
  const parts = cuts.map((c, i) => text.slice(c, cuts[i + 1] !== undefined ? cuts[i + 1]! - (folded.slice(0, cuts[i + 1]).match(/(?:,\s*|\s+v[a-z0-9]\s+)$/)?.[0].length ?? 0) : text.length).trim());
  return parts.filter((p) => p && HEAD_AT_START.test(foldKeepLength(p)));
}

export function looksLikeAgency(phrase: string): boolean {
  return HEAD_AT_START.test(foldKeepLength(phrase.trim()));
}

function key(name: string): string {
  return foldKeepLength(name)
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/\bhdnd\b/g, 'hoi dong nhan dan')
    // A Party committee's standing board signs for the committee: "Ban Thường vụ Thành ủy Hải Phòng" is Thành ủy Hải Phòng.
    .replace(/^ban (?:thuong vu|chap hanh) (?=(?:thanh|tinh) uy\b)/, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface AgencyMatcher {
  match(name: string): AgencyMatch;
}

export function agencyMatcher(units: readonly RegistryUnit[]): AgencyMatcher {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const entries = units.flatMap((u) => [u.name, ...(u.aliases ?? [])].map((n) => ({ unit: u, key: key(n) })));
  const exact = new Map(entries.map((e) => [e.key, e.unit]));
  return {
    match(name) {
      const k = key(name);
      let unit = exact.get(k);
      let confidence = unit ? 1 : 0;
      // "Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường" name many units: never one of them by likeness.
      const plural = /\bcac\b|\bnhung\b/.test(k);
      if (!unit && k.length >= 6 && !plural) {
        let best = { d: Infinity, unit: undefined as RegistryUnit | undefined };
        for (const e of entries) {
          if (Math.abs(e.key.length - k.length) > 6) continue;
          const d = distance(e.key, k);
          if (d < best.d) best = { d, unit: e.unit };
        }
        const ratio = best.d / Math.max(k.length, 1);
        if (best.unit && ratio <= 0.15) {
          unit = best.unit;
          confidence = Math.round((1 - ratio) * 100) / 100;
        }
      }
      if (!unit) return { name, unitCode: null, currentName: null, confidence: 0 };
      const documentName = confidence < 1 ? unit.name : name;
      let current = unit;
      for (let i = 0; i < 5 && current.closed && current.successorCode && byCode.has(current.successorCode); i++) current = byCode.get(current.successorCode)!;
      return { name: documentName, unitCode: current.code, currentName: current.code !== unit.code ? current.name : null, confidence };
    },
  };
}
