/** Turns every failure into RFC 9457 problem+json in the caller's language; nothing leaks a stack trace. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { localeFrom, translate, type Locale } from './messages.ts';
import { ProblemError, titleFor, type FieldProblem } from './problem.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function fieldName(error: AjvError): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    (error.params.missingProperty as string | undefined) ?? (error.params.additionalProperty as string | undefined);
  return [base, extra].filter(Boolean).join('.') || '(body)';
}

export function describeValidation(locale: Locale, errors: AjvError[], context: string | undefined): FieldProblem[] {
  return errors.map((e) => {
    const field = fieldName(e);
    const path = context ? `${context}${field === '(body)' ? '' : '.' + field}` : field;
    const p = e.params;
    const key = (
      {
        required: 'validation.required',
        additionalProperties: 'validation.additionalProperties',
        type: 'validation.type',
        minLength: 'validation.minLength',
        maxLength: 'validation.maxLength',
        minimum: 'validation.minimum',
        maximum: 'validation.maximum',
        enum: 'validation.enum',
        format: 'validation.format',
        pattern: 'validation.pattern',
        minItems: 'validation.minItems',
        maxItems: 'validation.maxItems',
      } as const
    )[e.keyword] ?? ('validation.other' as const);
    const message = translate(locale, key, {
      field,
      type: String(p.type ?? ''),
      limit: String(p.limit ?? ''),
      values: Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : '',
      format: String(p.format ?? ''),
    });
    return { path, message };
  });
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  detail: string,
  extra: { errors?: FieldProblem[]; type?: string; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
) {
  if (extra.headers) reply.headers(extra.headers);
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: extra.type ?? 'about:blank',
      title: titleFor(status),
      status,
      detail,
      instance: request.url,
      ...(extra.errors ? { errors: extra.errors } : {}),
      ...(extra.extensions ?? {}),
    });
}

export function errorHandler(error: FastifyError | ProblemError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeFrom(request.headers['accept-language']);
  if (error instanceof ProblemError) {
    return sendProblem(reply, request, error.status, translate(locale, error.key, error.params), {
      errors: error.errors,
      type: `https://dxpulse.vn/problems/${error.key}`,
      headers: error.headers,
      extensions: error.extensions,
    });
  }
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation) {
    return sendProblem(reply, request, 400, translate(locale, 'validation'), {
      errors: describeValidation(locale, fe.validation, fe.validationContext),
      type: 'https://dxpulse.vn/problems/validation',
    });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendProblem(reply, request, 400, translate(locale, 'invalidJson'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, request, 400, translate(locale, 'emptyBody'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, request, 413, translate(locale, 'bodyTooLarge', { limit: formatBytes(request.routeOptions.bodyLimit) }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, request, 415, translate(locale, 'unsupportedMediaType', { type: request.headers['content-type'] ?? '' }));
  }
  if (error instanceof SyntaxError || fe.statusCode === 400) {
    return sendProblem(reply, request, 400, translate(locale, 'invalidJson'));
  }
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '23505') return sendProblem(reply, request, 409, translate(locale, 'conflict'));
  // Class 22 (data exception): a value the database refuses — a NUL byte in text, an id beyond bigint,
  // an impossible date — came from the request, so it is the client's error, not the server's.
  if (pgCode?.startsWith('22') && pgCode.length === 5) return sendProblem(reply, request, 400, translate(locale, 'validation'));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return sendProblem(reply, request, fe.statusCode, fe.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, 500, translate(locale, 'internal'));
}

function formatBytes(bytes: number | undefined): string {
  if (!bytes) return '';
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
