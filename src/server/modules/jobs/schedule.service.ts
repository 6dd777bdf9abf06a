import type { JobError, JobSchedule, JobScheduleList, JobScheduleRun } from '#shared/contracts/jobs.contract';
import type { Transactor } from '#server/db/transaction';
import { createScheduleRepository, type ScheduleWithLastJob } from '#server/jobs/schedule.repository';
import { runScheduleNow, setScheduleEnabled } from '#server/jobs/schedules';
import type { Actor } from '#server/lib/actor';
import { found } from '#server/lib/app-error';
import type { AuditService } from '../audit/audit.service';

export type ScheduleService = ReturnType<typeof createScheduleService>;

function presentSchedule(row: ScheduleWithLastJob): JobSchedule {
  return {
    id: row.id,
    name: row.name,
    jobName: row.jobName,
    jobVersion: row.jobVersion,
    cron: row.cron,
    intervalSeconds: row.intervalSeconds,
    timezone: row.timezone,
    enabled: row.enabled,
    nextRunAt: row.nextRunAt?.toISOString() ?? null,
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    lastJob:
      row.lastJobId && row.lastJobStatus
        ? {
            id: row.lastJobId,
            status: row.lastJobStatus,
            error: (row.lastJobError ?? null) as JobError | null,
          }
        : null,
  };
}

/**
 * Administrators' view of recurring schedules: list them, switch one on or off, run one at once. Modules
 * register their schedules through the schedule API (`#server/jobs/schedules`), not through this service.
 */
export function createScheduleService(deps: { tx: Transactor; audit: AuditService }) {
  const get = async (id: string): Promise<JobSchedule> => {
    const rows = await createScheduleRepository(deps.tx.executor).list();
    return presentSchedule(
      found(
        rows.find((row) => row.id === id),
        'schedule',
      ),
    );
  };
  return {
    async list(): Promise<JobScheduleList> {
      const rows = await createScheduleRepository(deps.tx.executor).list();
      return { items: rows.map(presentSchedule) };
    },

    /** Switches a schedule on (its next run is the first after now) or off; audited. */
    async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<JobSchedule> {
      await deps.tx.run(async (ex) => {
        const before = found(await createScheduleRepository(ex).findById(id), 'schedule');
        if (before.enabled === enabled) return;
        await setScheduleEnabled(ex, id, enabled);
        await deps.audit.record(ex, actor, {
          action: enabled ? 'job.schedule.enabled' : 'job.schedule.disabled',
          entityType: 'job_schedule',
          entityId: id,
          before: { name: before.name, enabled: before.enabled },
          after: { name: before.name, enabled },
        });
      });
      return get(id);
    },

    /** Queues the schedule's job now (or returns its run still queued or running); audited when it queued one. */
    async runNow(actor: Actor, id: string): Promise<JobScheduleRun> {
      return deps.tx.run(async (ex) => {
        const schedule = found(await createScheduleRepository(ex).findById(id), 'schedule');
        const run = await runScheduleNow(ex, id, actor.userId);
        if (run.isNew) {
          await deps.audit.record(ex, actor, {
            action: 'job.schedule.run',
            entityType: 'job_schedule',
            entityId: id,
            after: { name: schedule.name, jobId: run.jobId },
          });
        }
        return run;
      });
    },
  };
}
