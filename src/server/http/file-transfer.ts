import type { FastifyReply, FastifyRequest } from 'fastify';
import { msg } from '#shared/messages/catalogue';
import { AppError } from '#server/lib/app-error';
import { checkUploadedFileName } from './nul-check';

/**
 * Files in and out of routes. Uploads are one multipart part in the field "file", limited while streaming
 * (the multipart plugin's `fileSize`, `KUZOT_UPLOAD_LIMIT_BYTES`: over it, 413 BODY_TOO_LARGE before the rest
 * arrives). Downloads are attachments named in UTF-8, never kept by a browser or proxy.
 */

/** An uploaded file: its name as sent (checked for NUL), its declared type and its bytes. */
export type UploadedFile = { filename: string; mimetype: string; data: Buffer };

/** A file to send: its name (any language), content type and bytes. */
export type DownloadFile = { filename: string; contentType: string; data: Buffer };

/**
 * Reads the one file of a multipart request. A request that is not multipart is 415; a truncated or malformed
 * body is the client's mistake (the parser reports it with a plain Error, which would otherwise be a 500).
 */
export async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('upload.multipart_required'));
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file')
      throw new AppError('VALIDATION_FAILED', msg('upload.file_field_missing'), { field: 'file' });
    return {
      filename: checkUploadedFileName(part.filename),
      mimetype: part.mimetype,
      data: await part.toBuffer(),
    };
  } catch (error) {
    // Size limits and the like arrive as Fastify errors with codes, which the error handler maps.
    if (error instanceof AppError || (error as { code?: unknown }).code !== undefined) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION_FAILED', msg('upload.multipart_invalid'), { field: 'file', reason });
  }
}

/**
 * The Content-Disposition of an attachment (RFC 6266): an ASCII `filename` for old clients (other characters
 * as `_`) and the real name, UTF-8 percent-encoded, as `filename*` (RFC 8187), so "Бишкек-2025.pdf" keeps its
 * name and no quote or line break in a name can break the header.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file as a download: named, typed, and not stored by browsers or proxies. */
export function sendDownload(reply: FastifyReply, file: DownloadFile): FastifyReply {
  return reply
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .type(file.contentType)
    .send(file.data);
}
