import type {
  Agency,
  AgencyList,
  CreateAgencyRequest,
  UpdateAgencyRequest,
} from '#shared/contracts/agencies.contract';
import type { Transactor } from '#server/db/transaction';
import { AppError, found } from '#server/lib/app-error';
import { isUniqueViolation } from '#server/lib/pg-errors';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '#server/lib/actor';
import { presentAgency } from './agency.presenter';
import { createAgencyRepository } from './agency.repository';
import { defaultAgencies } from './default-agencies';

export type AgencyService = ReturnType<typeof createAgencyService>;

const toValues = (input: Pick<CreateAgencyRequest, 'name' | 'shortName'>) => ({
  nameKy: input.name.ky,
  nameRu: input.name.ru,
  nameEn: input.name.en,
  shortKy: input.shortName.ky,
  shortRu: input.shortName.ru,
  shortEn: input.shortName.en,
});

/** The reporting agencies. */
export function createAgencyService(deps: { tx: Transactor; audit: AuditService }) {
  return {
    async list(): Promise<AgencyList> {
      return { items: (await createAgencyRepository(deps.tx.executor).list()).map(presentAgency) };
    },
    async exists(id: string): Promise<boolean> {
      return (await createAgencyRepository(deps.tx.executor).findById(id)) !== undefined;
    },
    async create(actor: Actor, input: CreateAgencyRequest): Promise<Agency> {
      return deps.tx.run(async (ex) => {
        const agencies = createAgencyRepository(ex);
        if (await agencies.findByCode(input.code))
          throw new AppError('AGENCY_CODE_TAKEN', undefined, { field: 'code' });
        const row = await agencies
          .insert({ code: input.code, ...toValues(input) })
          .catch((error: unknown) => {
            // Another request added the same code between the check and the insert.
            throw isUniqueViolation(error)
              ? new AppError('AGENCY_CODE_TAKEN', undefined, { field: 'code' })
              : error;
          });
        const agency = presentAgency(row);
        await deps.audit.record(ex, actor, {
          action: 'agency.created',
          entityType: 'agency',
          entityId: row.id,
          after: agency,
        });
        return agency;
      });
    },
    async update(actor: Actor, id: string, input: UpdateAgencyRequest): Promise<Agency> {
      return deps.tx.run(async (ex) => {
        const agencies = createAgencyRepository(ex);
        const before = presentAgency(found(await agencies.findById(id), 'Agency'));
        const row = await agencies.update(id, {
          ...(input.name ? { nameKy: input.name.ky, nameRu: input.name.ru, nameEn: input.name.en } : {}),
          ...(input.shortName
            ? { shortKy: input.shortName.ky, shortRu: input.shortName.ru, shortEn: input.shortName.en }
            : {}),
          isActive: input.isActive,
        });
        const after = presentAgency(row);
        await deps.audit.record(ex, actor, {
          action: 'agency.updated',
          entityType: 'agency',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
    /** Adds the default agencies that are missing; returns how many were added. */
    async seedDefaults(actor: Actor): Promise<number> {
      let added = 0;
      for (const agency of defaultAgencies) {
        if (await createAgencyRepository(deps.tx.executor).findByCode(agency.code)) continue;
        await this.create(actor, agency);
        added++;
      }
      return added;
    },
  };
}
