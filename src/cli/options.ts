import { InvalidArgumentError, Option } from 'commander';
import { roles, type Role } from '#shared/domain/access';
import type { Roles } from '#server/config';

/** Parses `--roles=api,worker,scheduler` (or `all`) the way KUZOT_ROLES is read. */
export function parseRolesOption(value: string): Roles {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.includes('all')) return { api: true, worker: true, scheduler: true };
  const selected: Roles = { api: false, worker: false, scheduler: false };
  for (const part of parts) {
    if (part !== 'api' && part !== 'worker' && part !== 'scheduler')
      throw new InvalidArgumentError(`unknown role "${part}" (use api, worker, scheduler or all)`);
    selected[part] = true;
  }
  if (!selected.api && !selected.worker && !selected.scheduler)
    throw new InvalidArgumentError('no role selected');
  return selected;
}

/** The `--role` option, limited to the roles that exist. */
export function roleOption(mandatory: boolean): Option {
  const option = new Option('--role <role>', 'role of the user').choices(roles);
  return mandatory ? option.makeOptionMandatory() : option;
}

/** Narrows a `--role` value (commander has already checked it against the choices). */
export function toRole(value: string): Role {
  const role = roles.find((r) => r === value);
  if (!role) throw new InvalidArgumentError(`unknown role "${value}" (use ${roles.join(', ')})`);
  return role;
}

/** `--agency`: the scope an agency_officer needs. */
export function agencyOption(): Option {
  return new Option(
    '--agency <code>',
    'agency code: required for agency_officer, optionally narrows a regional_officer (e.g. MIA)',
  );
}

/** `--territory`: the scope a regional_officer needs. */
export function territoryOption(): Option {
  return new Option(
    '--territory <soate>',
    'SOATE code of the territory: required for regional_officer, optionally narrows an agency_officer',
  );
}
