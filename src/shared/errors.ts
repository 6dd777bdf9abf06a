/**
 * The catalogue of error codes the API returns, with their HTTP status. Codes are stable: clients and tests
 * match on them, so a code is never renamed or reused for another meaning. The sentence each code stands for
 * is the message `error.<CODE>` in src/shared/messages/error.messages.ts, in Kyrgyz, Russian and English.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400 },
  MALFORMED_JSON: { status: 400 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  BODY_TOO_LARGE: { status: 413 },
  HEADERS_TOO_LARGE: { status: 431 },
  UNAUTHENTICATED: { status: 401 },
  SESSION_EXPIRED: { status: 401 },
  INVALID_CREDENTIALS: { status: 401 },
  ACCOUNT_LOCKED: { status: 423 },
  ACCOUNT_DISABLED: { status: 403 },
  PASSWORD_CHANGE_REQUIRED: { status: 403 },
  PASSWORD_TOO_WEAK: { status: 400 },
  CSRF_TOKEN_INVALID: { status: 403 },
  FORBIDDEN: { status: 403 },
  RATE_LIMITED: { status: 429 },
  NOT_FOUND: { status: 404 },
  ROUTE_NOT_FOUND: { status: 404 },
  METHOD_NOT_ALLOWED: { status: 405 },
  CONFLICT: { status: 409 },
  USERNAME_TAKEN: { status: 409 },
  TERRITORY_CODE_TAKEN: { status: 409 },
  AGENCY_CODE_TAKEN: { status: 409 },
  DATA_ELEMENT_CODE_TAKEN: { status: 409 },
  INDICATOR_CODE_TAKEN: { status: 409 },
  ELEMENT_HAS_VALUES: { status: 409 },
  VALIDATION_RULE_CODE_TAKEN: { status: 409 },
  SCOPE_REQUIRED: { status: 400 },
  LAST_ADMINISTRATOR: { status: 409 },
  CANNOT_CHANGE_SELF: { status: 409 },
  OUT_OF_SCOPE: { status: 403 },
  DATA_LOCKED: { status: 409 },
  VALUE_INVALID: { status: 400 },
  NOT_REPORTED_HERE: { status: 400 },
  QUERY_TOO_LARGE: { status: 400 },
  APPROVAL_STATE_INVALID: { status: 409 },
  IMPORT_INVALID: { status: 422 },
  FILE_UNREADABLE: { status: 422 },
  // An uploaded archive (.xlsx) that would unpack past the limits: refused before anything parses it.
  FILE_TOO_LARGE_UNPACKED: { status: 413 },
  NOT_READY: { status: 503 },
  // Why a background job failed (stored on the job as {code, params}; the raw cause is in the server log).
  JOB_FAILED: { status: 500 },
  JOB_INTERRUPTED: { status: 500 },
  JOB_UNKNOWN: { status: 500 },
  SCHEDULE_INVALID: { status: 400 },
  JOB_PAYLOAD_INVALID: { status: 500 },
  INTERNAL_ERROR: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type ErrorCode = keyof typeof errorCatalogue;
