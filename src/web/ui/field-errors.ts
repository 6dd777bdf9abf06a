import { isLocalisedMessage, type Message } from '#shared/messages/message';

/** What the form shows under one field: the server's sentence for it, as a message or plain text. */
export type FieldError = { message: string; localised: Message | null };

/** An error the server answered with `{code, message, localised, details}` (the web's ApiError fits). */
type ServerError = { code: string; message: string; localised: unknown; details: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `body.name.en` → `name.en`: the request part is not a form field. */
const withoutPart = (field: string) => field.replace(/^(body|querystring|params)\./, '');

/**
 * The fields a server error names, each with its sentence: a schema refusal lists every field
 * (`details.issues[].field`), a service refusal names one (`details.field`, with the error's own sentence).
 * Keys are the server's field paths (`username`, `name.en`, `agencyId`); anything else gives an empty map.
 */
export function fieldErrorsOf(error: unknown): Map<string, FieldError> {
  const result = new Map<string, FieldError>();
  if (!isRecord(error) || typeof error.code !== 'string' || !isRecord(error.details)) return result;
  const { details } = error as ServerError & { details: Record<string, unknown> };
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues) {
      if (!isRecord(issue) || typeof issue.field !== 'string') continue;
      result.set(withoutPart(issue.field), {
        message: typeof issue.message === 'string' ? issue.message : '',
        localised: isLocalisedMessage(issue.localised) ? issue.localised : null,
      });
    }
  }
  if (typeof details.field === 'string') {
    const { message, localised } = error as ServerError;
    result.set(withoutPart(details.field), {
      message,
      localised: isLocalisedMessage(localised) ? localised : null,
    });
  }
  return result;
}
