import type { SaveValueBoundRequest, ValueBound } from '#shared/contracts/data-values.contract';
import type { Transactor } from '#server/db/transaction';
import type { ValueBoundRow } from '#server/db/schema';
import type { Actor } from '#server/lib/actor';
import { msg } from '#shared/messages/catalogue';
import { AppError, found } from '#server/lib/app-error';
import type { AuditService } from '../audit/audit.service';
import type { CatalogueService } from '../indicators/catalogue.service';
import type { TerritoryService } from '../territories/territory.service';
import { createBoundRepository } from './bound.repository';

export type BoundService = ReturnType<typeof createBoundService>;

export function presentBound(row: ValueBoundRow): ValueBound {
  return {
    id: row.id,
    dataElementId: row.dataElementId,
    territoryId: row.territoryId,
    minValue: row.minValue,
    maxValue: row.maxValue,
  };
}

/** Min/max accepted for data elements, everywhere or per territory; values outside get a warning. */
export function createBoundService(deps: {
  tx: Transactor;
  audit: AuditService;
  catalogue: CatalogueService;
  territories: TerritoryService;
}) {
  return {
    async list(dataElementId?: string): Promise<ValueBound[]> {
      const rows = await createBoundRepository(deps.tx.executor).list(
        dataElementId === undefined ? undefined : [dataElementId],
      );
      return rows.map(presentBound);
    },

    /** Sets the bound of (element, territory), replacing the one there is. */
    async save(actor: Actor, input: SaveValueBoundRequest): Promise<ValueBound> {
      if (input.minValue === null && input.maxValue === null)
        throw new AppError('VALIDATION_FAILED', msg('bound.limit_required'), { field: 'minValue' });
      for (const field of ['minValue', 'maxValue'] as const) {
        const value = input[field];
        if (value !== null && !Number.isFinite(value))
          throw new AppError('VALIDATION_FAILED', msg('bound.limit_not_finite', { limit: field }), { field });
      }
      if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue)
        throw new AppError('VALIDATION_FAILED', msg('bound.min_above_max'), { field: 'maxValue' });
      const catalogue = await deps.catalogue.getCatalogue();
      if (!catalogue.dataElements.some((e) => e.id === input.dataElementId))
        throw new AppError('VALIDATION_FAILED', msg('value.element_unknown'), { field: 'dataElementId' });
      if (input.territoryId !== null && !(await deps.territories.exists(input.territoryId)))
        throw new AppError('VALIDATION_FAILED', msg('reference.territory_missing'), { field: 'territoryId' });
      return deps.tx.run(async (ex) => {
        const repository = createBoundRepository(ex);
        const existing = await repository.findFor(input.dataElementId, input.territoryId);
        const values = { minValue: input.minValue, maxValue: input.maxValue };
        const row = existing
          ? await repository.update(existing.id, values)
          : await repository.insert({
              dataElementId: input.dataElementId,
              territoryId: input.territoryId,
              ...values,
            });
        const after = presentBound(row);
        await deps.audit.record(ex, actor, {
          action: existing ? 'value_bound.updated' : 'value_bound.created',
          entityType: 'value_bound',
          entityId: row.id,
          before: existing ? presentBound(existing) : null,
          after,
        });
        return after;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await deps.tx.run(async (ex) => {
        const repository = createBoundRepository(ex);
        const before = presentBound(found(await repository.findById(id), 'Value bound'));
        await repository.remove(id);
        await deps.audit.record(ex, actor, {
          action: 'value_bound.deleted',
          entityType: 'value_bound',
          entityId: id,
          before,
        });
      });
    },
  };
}
