/**
 * The one door to the API: a small fetch wrapper that
 *  - sends and reads JSON with the session cookie (credentials: same-origin),
 *  - adds the X-CSRF-Token (kept in memory, from the login/session response) to writes,
 *  - asks for server messages in the chosen language (Accept-Language),
 *  - turns problem+json answers into an ApiError carrying the server's localised `detail`,
 *  - reports any 401 to the auth layer, which sends the user to /login.
 */
import type { FieldProblem, Problem } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly errors: FieldProblem[];

  constructor(status: number, problem: Partial<Problem>, fallback: string) {
    const detail = problem.detail || problem.title || fallback;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title ?? '';
    this.detail = detail;
    this.type = problem.type ?? 'about:blank';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** Thrown when the server cannot be reached at all (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let languageProvider: () => string = () => 'vi';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The auth layer registers what a 401 should do (forget the session → the router goes to /login). */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function setLanguageProvider(provider: () => string): void {
  languageProvider = provider;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A JSON body (serialised here), or a raw string or bytes with their own content type. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session lost" (the login form shows it instead). */
  allowUnauthorized?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': languageProvider(),
  };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    const raw = typeof options.body === 'string' || options.body instanceof Blob || options.body instanceof ArrayBuffer;
    if (options.contentType && raw) {
      headers['Content-Type'] = options.contentType;
      body = options.body as BodyInit;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const isJson = /json/i.test(response.headers.get('content-type') ?? '');
  let payload: unknown = undefined;
  if (text && isJson) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
    const problem = (payload && typeof payload === 'object' ? payload : {}) as Partial<Problem>;
    throw new ApiError(response.status, problem, response.statusText || `HTTP ${response.status}`);
  }
  return payload as T;
}

/**
 * Download a file the API produces (an Excel export) and hand it to the browser as a download.
 * Errors come back as ApiError like any other call.
 */
export async function downloadFile(path: string, fallbackName: string, query?: Record<string, QueryValue>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${buildQuery(query)}`, {
      headers: { 'Accept-Language': languageProvider() },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    if (response.status === 401) unauthorizedHandler?.();
    let problem: Partial<Problem> = {};
    try {
      problem = (await response.json()) as Partial<Problem>;
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, problem, response.statusText || `HTTP ${response.status}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Send a file's bytes as the request body with upload progress (fetch cannot report it, so this
 * uses XMLHttpRequest), with the same headers, CSRF token and problem+json errors as `request`.
 * `onProgress` gets the fraction sent, 0–1.
 */
export function uploadWithProgress<T>(path: string, body: Blob | ArrayBuffer, contentType: string, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', languageProvider());
    xhr.setRequestHeader('Content-Type', contentType);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      onProgress?.(1);
      let payload: unknown = undefined;
      if (xhr.responseText && /json/i.test(xhr.getResponseHeader('content-type') ?? '')) {
        try {
          payload = JSON.parse(xhr.responseText);
        } catch {
          payload = undefined;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      if (xhr.status === 401) unauthorizedHandler?.();
      const problem = (payload && typeof payload === 'object' ? payload : {}) as Partial<Problem>;
      reject(new ApiError(xhr.status, problem, xhr.statusText || `HTTP ${xhr.status}`));
    };
    xhr.send(body);
  });
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
