import type { ApprovalStatus } from '#shared/contracts/data-values.contract';
import type { Role } from './access';

/**
 * Who may write and read which values. `agencyId` null: any agency's elements; `territoryIds` null: any
 * territory. Officers are limited by their user scope (SPEC §1), analysts and administrators are not.
 */
export type ValueScope = {
  /** Whether the actor is an officer, whose writes a submitted report also locks. */
  officer: boolean;
  agencyId: string | null;
  territoryIds: ReadonlySet<string> | null;
};

/**
 * Whether figures in this approval state are locked against this writer: approved figures for everyone,
 * submitted ones for officers (analysts may still correct a report they are reviewing).
 */
export function isFigureLocked(scope: Pick<ValueScope, 'officer'>, status: ApprovalStatus): boolean {
  return status === 'approved' || (status === 'submitted' && scope.officer);
}

/** A territory as far as scope is concerned. */
export type TerritoryNode = { id: string; parentId: string | null };

/** Ids of a territory and every territory below it. */
export function subtreeOf(territories: readonly TerritoryNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const t of territories)
    if (t.parentId !== null) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const ids = new Set<string>([rootId]);
  const queue = [rootId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      if (ids.has(child)) continue;
      ids.add(child);
      queue.push(child);
    }
  }
  return ids;
}

/**
 * The write scope of a user. An agency officer writes their agency's elements (within their territory's
 * subtree if they have one); a regional officer writes in their territory's subtree (only their agency's
 * elements if they also have an agency); analysts, administrators and the system write anything. Any other
 * role writes nothing (an empty territory set).
 */
export function scopeOf(
  user: { role: Role | 'system'; agencyId: string | null; territoryId: string | null },
  territories: readonly TerritoryNode[],
): ValueScope {
  const territoryIds = (id: string | null) => (id === null ? null : subtreeOf(territories, id));
  switch (user.role) {
    case 'administrator':
    case 'analyst':
    case 'system':
      return { officer: false, agencyId: null, territoryIds: null };
    case 'agency_officer':
    case 'regional_officer':
      // A scoped role without its scope (not allowed by the user service) may write nothing.
      if (user.role === 'agency_officer' && user.agencyId === null) return nothing;
      if (user.role === 'regional_officer' && user.territoryId === null) return nothing;
      return { officer: true, agencyId: user.agencyId, territoryIds: territoryIds(user.territoryId) };
    case 'media_editor':
    case 'viewer':
      return nothing;
  }
}

const nothing: ValueScope = { officer: true, agencyId: null, territoryIds: new Set() };

/** Whether the scope allows writing an agency's element in a territory. */
export function canWrite(scope: ValueScope, agencyId: string, territoryId: string): boolean {
  return (
    (scope.agencyId === null || scope.agencyId === agencyId) &&
    (scope.territoryIds === null || scope.territoryIds.has(territoryId))
  );
}

/**
 * Whether the scope may read a value: everyone with data.read sees approved values, officers see the rest
 * only within their write scope.
 */
export function canRead(
  scope: ValueScope,
  agencyId: string,
  territoryId: string,
  status: ApprovalStatus,
): boolean {
  return status === 'approved' || canWrite(scope, agencyId, territoryId);
}
