import { createHash } from 'node:crypto';
import type { Executor, Transactor } from '#server/db/transaction';
import { found } from '#server/lib/app-error';
import { createUploadRepository, type StoredUpload } from './upload.repository';

export type IncomingFile = { filename: string; contentType: string; data: Buffer };
export type FileService = ReturnType<typeof createFileService>;

/** Keeps uploaded files for background jobs to read. */
export function createFileService(deps: { tx: Transactor }) {
  return {
    /** Stores a file on the caller's transaction and returns its id. */
    async store(executor: Executor, file: IncomingFile, createdBy: string | null): Promise<string> {
      return createUploadRepository(executor).insert({
        filename: file.filename.slice(0, 300),
        contentType: file.contentType.slice(0, 200),
        size: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        data: file.data,
        createdBy,
      });
    },
    async get(id: string): Promise<StoredUpload> {
      return found(await createUploadRepository(deps.tx.executor).findById(id), 'Upload');
    },
  };
}
