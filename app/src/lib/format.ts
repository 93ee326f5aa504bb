/**
 * Display formats shared by every page: dates dd/mm/yyyy (both languages, as agreed for the
 * product), times 24h, numbers with the Vietnamese separators (3.658.476 and 99,68%) in Vietnamese.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-07-01" or an ISO timestamp → "01/07/2025"; empty input gives "". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** ISO timestamp → "01/07/2025 14:05" (or with seconds) in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
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
