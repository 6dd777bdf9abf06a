import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';

/**
 * PostgreSQL stores no NUL character (U+0000) in text or JSON, so a string carrying one could only fail deep
 * in a write (a 500). Requests are checked for it up front, where the field can still be named.
 */
export const nulMessage = 'must not contain the NUL character (U+0000)';

/** The paths (`a/b/0/c`, as schema errors name them) of every string or key containing NUL in a value. */
export function pathsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsWithNul(item, `${path}/${i}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes('\u0000') ? [`${path}/${key}`] : pathsWithNul(item, `${path}/${key}`),
    );
  return [];
}

/** Refuses an uploaded file's name with a NUL character (it is stored with the upload). */
export function checkUploadedFileName(filename: string): string {
  if (filename.includes('\u0000'))
    throw new AppError('VALIDATION_FAILED', msg('request.nul_character'), { field: 'file' });
  return filename;
}
