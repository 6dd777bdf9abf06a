import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** What repositories run their SQL on: the pool, or an open transaction. */
export type Executor = Kysely<Database>;

/**
 * Opens transactions for services. A service runs one use case inside `run` and builds its repositories on
 * the executor it is given, so every write of the use case, its audit entry included, commits or rolls back
 * together. Repositories never open transactions themselves.
 */
export type Transactor = {
  /** The pool, for reads that need no transaction. */
  readonly executor: Executor;
  run<T>(work: (executor: Executor) => Promise<T>): Promise<T>;
};

/** Builds a Transactor over a Kysely instance. */
export function createTransactor(db: Kysely<Database>): Transactor {
  return {
    executor: db,
    run: (work) => db.transaction().execute((trx) => work(trx)),
  };
}
