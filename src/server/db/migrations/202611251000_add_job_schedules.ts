import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code and is never edited once merged.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A job may carry a de-duplication key: while one job with the key is queued or running, enqueueing
    -- another with the same key returns that job instead (media fetches per source, scheduled runs).
    ALTER TABLE job ADD COLUMN dedupe_key text;
    CREATE UNIQUE INDEX job_dedupe_active_idx ON job (dedupe_key)
      WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running');

    -- Failures are stored as a catalogued error {code, params}; the raw text (which could be database or
    -- stack text) goes to the server log only. Earlier failures keep their code when they had one.
    ALTER TABLE job ADD COLUMN error jsonb;
    UPDATE job SET
      error = CASE
        WHEN jsonb_typeof(result) = 'object' AND jsonb_typeof(result->'code') = 'string' THEN
          jsonb_build_object(
            'code', result->>'code',
            'params', CASE WHEN jsonb_typeof(result->'details') = 'object' THEN result->'details' ELSE '{}'::jsonb END)
        ELSE '{"code": "JOB_FAILED", "params": {}}'::jsonb
      END,
      result = CASE
        WHEN jsonb_typeof(result) = 'object' AND jsonb_typeof(result->'code') = 'string' THEN NULL
        ELSE result
      END
      WHERE last_error IS NOT NULL;
    ALTER TABLE job DROP COLUMN last_error;

    -- Recurring runs of a job. The scheduler role enqueues a due schedule's job and moves next_run_at past
    -- now in one transaction on the row locked FOR UPDATE SKIP LOCKED, so several processes on one server
    -- enqueue each run once, and runs missed while nothing ran are not replayed one by one.
    CREATE TABLE job_schedule (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      job_name text NOT NULL,
      job_version integer NOT NULL,
      max_attempts integer NOT NULL CHECK (max_attempts > 0),
      payload jsonb NOT NULL DEFAULT '{}',
      cron text,
      interval_seconds integer CHECK (interval_seconds > 0),
      timezone text NOT NULL DEFAULT 'UTC',
      enabled boolean NOT NULL DEFAULT true,
      next_run_at timestamptz,
      last_run_at timestamptz,
      last_job_id uuid REFERENCES job(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((cron IS NULL) <> (interval_seconds IS NULL))
    );
    CREATE INDEX job_schedule_due_idx ON job_schedule (next_run_at) WHERE enabled;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE job_schedule;
    ALTER TABLE job ADD COLUMN last_error text;
    UPDATE job SET last_error = error->>'code' WHERE error IS NOT NULL;
    ALTER TABLE job DROP COLUMN error;
    DROP INDEX job_dedupe_active_idx;
    ALTER TABLE job DROP COLUMN dedupe_key;
  `.execute(db);
}
