/**
 * The catalogue of error codes the API returns. Codes are stable: clients and tests match on them,
 * so a code is never renamed or reused for another meaning. Messages are for people and may change.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The address (URL) or the request headers are too long.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in to continue.' },
  SESSION_EXPIRED: { status: 401, message: 'Your session has expired. Sign in again.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The username or password is wrong.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Too many failed sign-ins. The account is locked for a while.' },
  ACCOUNT_DISABLED: { status: 403, message: 'This account is disabled.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Set your own password first: until then you can only change it or sign out.',
  },
  PASSWORD_TOO_WEAK: { status: 400, message: 'The password is too weak.' },
  CSRF_TOKEN_INVALID: { status: 403, message: 'The request lacks a valid CSRF token.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Try again later.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such API route.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  USERNAME_TAKEN: { status: 409, message: 'This username is already taken.' },
  TERRITORY_CODE_TAKEN: { status: 409, message: 'A territory with this code already exists.' },
  AGENCY_CODE_TAKEN: { status: 409, message: 'An agency with this code already exists.' },
  DATA_ELEMENT_CODE_TAKEN: {
    status: 409,
    message: 'This code is already used by a data element or an indicator.',
  },
  INDICATOR_CODE_TAKEN: {
    status: 409,
    message: 'This code is already used by an indicator or a data element.',
  },
  ELEMENT_HAS_VALUES: {
    status: 409,
    message: 'This data element already has values; its period type and disaggregation cannot change.',
  },
  VALIDATION_RULE_CODE_TAKEN: { status: 409, message: 'A validation rule with this code already exists.' },
  SCOPE_REQUIRED: { status: 400, message: 'This role needs a scope (agency or territory).' },
  LAST_ADMINISTRATOR: {
    status: 409,
    message: 'This is the last active administrator; add another one first.',
  },
  CANNOT_CHANGE_SELF: {
    status: 409,
    message: 'You cannot disable yourself or remove your own administrator role.',
  },
  OUT_OF_SCOPE: {
    status: 403,
    message: 'This agency or territory is outside your scope.',
  },
  DATA_LOCKED: { status: 409, message: 'These figures are approved and locked; unlock them first.' },
  VALUE_INVALID: { status: 400, message: 'The value is not valid for this data element.' },
  APPROVAL_STATE_INVALID: {
    status: 409,
    message: 'This step is not possible in the current approval state.',
  },
  IMPORT_INVALID: { status: 422, message: 'The file has errors; nothing was imported.' },
  FILE_UNREADABLE: { status: 422, message: 'The file could not be read.' },
  NOT_READY: { status: 503, message: 'The service is not ready.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
