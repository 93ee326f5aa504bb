/**
 * Display formats shared by every page: dates dd/mm/yyyy (both languages, as agreed for the
 * product), times 24h, numbers with the Vietnamese separators (3.658.476 and 99,68%) in Vietnamese.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Timestamps are shown in Vietnam's time (UTC+7, no daylight saving) whatever the browser's zone:
 * deadlines and "on time" are Vietnamese calendar days (domain/forms.ts reportingDate), and a report
 * sent at 23:30 in Hà Nội must read as that day for someone checking it from abroad too.
 */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const inVietnam = (d: Date) => new Date(d.getTime() + VIETNAM_OFFSET_MS);

/** "2025-07-01" or an ISO timestamp → "01/07/2025"; empty input gives "". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const v = inVietnam(d);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}

/** ISO timestamp → "01/07/2025 14:05" (or with seconds), Vietnam time. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const v = inVietnam(d);
  const time = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}${withSeconds ? `:${pad(v.getUTCSeconds())}` : ''}`;
  return `${formatDate(value)} ${time}`;
}

const numberLocale = (lang: string) => (lang === 'en' ? 'en-US' : 'vi-VN');

export function formatNumber(value: number, lang: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits }).format(value);
}

/** The date-picker format matching formatDate. */
export const DATE_FORMAT = 'DD/MM/YYYY';
/** The API's date format. */
export const API_DATE_FORMAT = 'YYYY-MM-DD';
