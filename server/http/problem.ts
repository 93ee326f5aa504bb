/**
 * RFC 9457 problem details. Commands throw ProblemError with a message key; the error handler
 * renders it in the request's language (Vietnamese by default).
 */
import type { MessageKey, MessageParams } from './messages.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  415: 'Kiểu nội dung không hỗ trợ',
  422: 'Không thể xử lý',
  423: 'Tài khoản bị khóa',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ chưa sẵn sàng',
};
export const titleFor = (status: number) => TITLES[status] ?? 'Lỗi';

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
    /** Extra members of the problem object (RFC 9457 extensions), e.g. an import summary. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(key);
  }
}

export const badRequest = (key: MessageKey, params?: MessageParams, errors?: FieldProblem[]) =>
  new ProblemError(400, key, params, errors);
export const unauthorized = (key: MessageKey = 'unauthenticated') => new ProblemError(401, key);
export const forbidden = (key: MessageKey = 'forbidden', params?: MessageParams) => new ProblemError(403, key, params);
export const notFound = (key: MessageKey = 'notFound', params?: MessageParams) => new ProblemError(404, key, params);
export const conflict = (key: MessageKey = 'conflict', params?: MessageParams) => new ProblemError(409, key, params);
export const unprocessable = (key: MessageKey, params?: MessageParams, errors?: FieldProblem[]) =>
  new ProblemError(422, key, params, errors);
