import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#server/lib/app-error';
import { multipartFile } from '#server/test/factories';
import { attachmentDisposition, readUpload, sendDownload } from './file-transfer';

/** The helpers on a bare Fastify app: an upload echoed back as a download under a Kyrgyz name. */
describe('file transfer helpers', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    await app.register(multipart, { limits: { fileSize: 64, files: 1 } });
    app.setErrorHandler((error: unknown, _request, reply) => {
      if (error instanceof AppError) return reply.status(error.status).send({ code: error.code });
      const { statusCode, code } = error as { statusCode?: number; code?: string };
      return reply.status(statusCode ?? 500).send({ code });
    });
    app.post('/echo', async (request, reply) => {
      const file = await readUpload(request);
      return sendDownload(reply, {
        filename: `Бишкек ${file.filename}`,
        contentType: file.mimetype,
        data: file.data,
      });
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('names a download in UTF-8 with an ASCII fallback, and forbids keeping it', () => {
    expect(attachmentDisposition('report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(attachmentDisposition('Ысык-Көл "2025"\r\n.docx')).toBe(
      `attachment; filename="____-___ _2025___.docx"; filename*=UTF-8''%D0%AB%D1%81%D1%8B%D0%BA-%D0%9A%D3%A9%D0%BB%20%222025%22%0D%0A.docx`,
    );
  });

  it('reads the uploaded file and sends it back as an attachment', async () => {
    const { payload, headers } = multipartFile({
      filename: 'a.csv',
      data: Buffer.from('x,y\n'),
      contentType: 'text/csv',
    });
    const response = await app.inject({ method: 'POST', url: '/echo', headers, payload });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('x,y\n');
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['cache-control']).toBe('no-store');
    const disposition = String(response.headers['content-disposition']);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('Бишкек a.csv');
  });

  it('refuses what is not multipart (415), another field (400) and a file over the limit (413)', async () => {
    const json = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    const other = multipartFile({ filename: 'a.csv', data: Buffer.from('x'), field: 'other' });
    expect((await app.inject({ method: 'POST', url: '/echo', ...other })).statusCode).toBe(400);
    const big = multipartFile({ filename: 'a.csv', data: Buffer.alloc(65, 'x') });
    expect((await app.inject({ method: 'POST', url: '/echo', ...big })).statusCode).toBe(413);
  });
});
