import type { FastifyError, FastifyInstance } from 'fastify';
import { errorCatalogue, type ErrorCode } from '#shared/errors';
import type { ErrorResponse } from '#shared/contracts/common.contract';
import { msg, renderMessage } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import { AppError } from '#server/lib/app-error';

type ValidationIssue = {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
};

/** Names the field a schema error is about, e.g. "body.role" or "body.password" for a missing property. */
function fieldOf(context: string | undefined, issue: ValidationIssue): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const params = issue.params ?? {};
  const missing =
    params.requiredProperties ??
    params.missingProperty ??
    params.additionalProperties ??
    params.unevaluatedProperties;
  const extra = Array.isArray(missing) ? missing.join(',') : typeof missing === 'string' ? missing : '';
  return [context, path, extra].filter(Boolean).join('.');
}

/** The schema's verdict on one field as a catalogue message, by the keyword that failed. */
function issueMessage(issue: ValidationIssue): Message {
  const limit = issue.params?.limit;
  const hasLimit = typeof limit === 'number';
  switch (issue.keyword ?? '') {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return msg('request.unknown_field');
    case 'required':
      return msg('request.required');
    case 'minLength':
      return hasLimit ? msg('request.too_short', { limit }) : msg('request.invalid');
    case 'maxLength':
      return hasLimit ? msg('request.too_long', { limit }) : msg('request.invalid');
    case 'minimum':
    case 'exclusiveMinimum':
      return hasLimit ? msg('request.too_small', { limit }) : msg('request.invalid');
    case 'maximum':
    case 'exclusiveMaximum':
      return hasLimit ? msg('request.too_large', { limit }) : msg('request.invalid');
    case 'format':
    case 'pattern':
      return msg('request.format');
    case 'enum':
    case 'const':
    case 'anyOf':
      return msg('request.not_allowed_value');
    case 'type':
      return msg('request.wrong_type');
    case 'nul':
      return msg('request.nul_character');
    case undefined:
    default:
      return msg('request.invalid');
  }
}

type FieldIssue = { field: string; message: string; localised: Message };

function frameworkError(
  error: FastifyError,
): { code: ErrorCode; message?: string; localised?: Message; details?: unknown } | null {
  if (error.validation) {
    const issues: FieldIssue[] = (error.validation as ValidationIssue[]).map((issue) => ({
      field: fieldOf(error.validationContext, issue),
      message: issue.keyword === 'additionalProperties' ? 'unknown field' : (issue.message ?? 'invalid'),
      localised: issueMessage(issue),
    }));
    // One mistake can raise several schema errors for the same field; keep the clearest one.
    const byField = new Map<string, FieldIssue>();
    for (const issue of issues) {
      const existing = byField.get(issue.field);
      if (!existing || issue.message === 'unknown field') byField.set(issue.field, issue);
    }
    issues.length = 0;
    issues.push(...byField.values());
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return {
      code: 'VALIDATION_FAILED',
      message: `The request is not valid: ${summary}`,
      details: { issues },
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'MALFORMED_JSON', message: `The request body is not valid JSON: ${error.message}` };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { code: 'BODY_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', localised: msg('upload.json_or_multipart') };
    default:
      break;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return { code: 'MALFORMED_JSON' };
  // A client error raised by a plugin in its own words (the static files of the API docs refuse a path
  // that climbs out with `..` or holds a NUL as 403 or 400): the catalogue's code for its status.
  const status = error.statusCode ?? 0;
  if (status >= 400 && status < 500) return { code: clientErrorCodes[status] ?? 'VALIDATION_FAILED' };
  return null;
}

/** Catalogue codes for the client-error statuses a plugin may raise. */
const clientErrorCodes: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * The body of an error response: the code, the English text, the sentence as a catalogue message (the
 * specific one given, else the code's general one) and the details.
 */
export function errorBody(
  code: ErrorCode,
  options: { message?: string; localised?: Message; details?: unknown } = {},
): ErrorResponse {
  const localised = options.localised ?? { key: `error.${code}` };
  return {
    code,
    message: options.message ?? renderMessage(localised, 'en'),
    localised,
    ...(options.details !== undefined ? { details: options.details } : {}),
  };
}

/**
 * Maps every error to `{code, message, localised, details}` with the catalogue's status. The one place that
 * does.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: ErrorResponse;
    let status: number;
    if (error instanceof AppError) {
      status = error.status;
      body = errorBody(error.code, {
        message: error.message,
        localised: error.localised,
        details: error.details,
      });
    } else {
      const known = frameworkError(error);
      if (known) {
        status = errorCatalogue[known.code].status;
        body = errorBody(known.code, {
          message: known.message,
          localised: known.localised,
          details: known.details,
        });
      } else {
        request.log.error({ err: error }, 'unhandled error');
        status = 500;
        body = errorBody('INTERNAL_ERROR', { details: { requestId: request.id } });
      }
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // When to try again, for clients that wait on their own (a 429 names it in its details).
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (status === 429)
      void reply.header('retry-after', String(typeof retryAfter === 'number' ? retryAfter : 60));
    void reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
}
