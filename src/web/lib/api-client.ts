import type { ErrorResponse, LocalisedMessage } from '#shared/contracts/common.contract';
import { csrfHeaderName } from '#shared/contracts/auth.contract';
import { attachmentFilename } from './content-disposition';

/**
 * An error response of the API, or a network failure (status 0, code NETWORK_ERROR). `message` is the
 * server's English text; `localised` the same sentence as a catalogue message, to show in the reader's language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly localised: LocalisedMessage | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    localised?: LocalisedMessage | null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.localised = localised ?? null;
  }
}

/** The ApiError an error response body stands for (any body that is not one gives HTTP_ERROR). */
export function apiErrorOf(status: number, statusText: string, payload: unknown): ApiError {
  return isErrorResponse(payload)
    ? new ApiError(status, payload.code, payload.message, payload.details, payload.localised)
    : new ApiError(status, 'HTTP_ERROR', `${status} ${statusText}`);
}

/** Query-string values; undefined, null and empty strings are left out of the URL. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  /** Multipart or other prebuilt bodies are passed through untouched. */
  formData?: FormData;
};

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

/** Remembers the CSRF token of the current session; every write sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Registers what happens when the server says the session is missing or expired
 * (clearing the cached session so the router sends the user to the sign-in page).
 */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** Builds `/api/v1/<path>?<query>` leaving out empty parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers[csrfHeaderName] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }

  if (!response.ok) {
    const error = apiErrorOf(response.status, response.statusText, payload);
    const isSessionGone =
      response.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED');
    if (isSessionGone && unauthenticatedHandler) unauthenticatedHandler();
    throw error;
  }
  return payload as T;
}

/** A file the server sent as an attachment, with the name from its Content-Disposition. */
export type DownloadedFile = { blob: Blob; filename: string };

/** POSTs a JSON body and returns the file the server answers with (exports); errors as in `request`. */
async function requestFile(
  path: string,
  query: QueryParams | undefined,
  body: unknown,
): Promise<DownloadedFile> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers[csrfHeaderName] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    let payload: unknown = null;
    try {
      payload = JSON.parse(await response.text());
    } catch {
      payload = null;
    }
    throw apiErrorOf(response.status, response.statusText, payload);
  }
  const filename = attachmentFilename(response.headers.get('content-disposition'), 'download');
  return { blob: await response.blob(), filename };
}

/** Thin typed client over the Kuzot HTTP API; response types come from the shared contracts. */
export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, formData: FormData) => request<T>('POST', path, { formData }),
  download: (path: string, body: unknown, query?: QueryParams) => requestFile(path, query, body),
};

/** Whether an error is an API error with one of the given codes. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}
