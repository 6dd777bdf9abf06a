import type { Socket } from 'node:net';
import { errorCatalogue, type ErrorCode } from '#shared/errors';
import { errorBody } from './error-handler';

/**
 * Answers a request that Node's HTTP parser refused before Fastify saw it (a URL or headers over the size
 * limit, bytes that are not HTTP) in the API's `{code, message}` shape instead of Node's own body, and
 * closes the connection, since the rest of what the client sent cannot be trusted to line up.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.destroy();
    return;
  }
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'VALIDATION_FAILED';
  const { status } = errorCatalogue[code];
  const body = JSON.stringify(
    errorBody(code, code === 'VALIDATION_FAILED' ? { message: 'The request is not valid HTTP.' } : {}),
  );
  socket.end(
    [
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      'connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
