import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

/** A message for any error: the server's localised problem detail, or a generic one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof NetworkError) return t('errors.network');
  return t('errors.generic');
}
