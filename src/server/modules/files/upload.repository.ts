import type { Executor } from '#server/db/transaction';

export type StoredUpload = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
};

/** All SQL for uploaded files kept in the database (so every app process can read them). */
export function createUploadRepository(db: Executor) {
  return {
    async insert(upload: Omit<StoredUpload, 'id'> & { createdBy: string | null }): Promise<string> {
      const row = await db.insertInto('upload').values(upload).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    findById(id: string): Promise<StoredUpload | undefined> {
      return db
        .selectFrom('upload')
        .select(['id', 'filename', 'contentType', 'size', 'sha256', 'data'])
        .where('id', '=', id)
        .executeTakeFirst();
    },
  };
}
