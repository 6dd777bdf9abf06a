import type { User } from '#shared/contracts/users.contract';
import type { Container } from '#server/container';
import { CliError } from './cli-error';

/**
 * Resolves the names an operator types (usernames, agency codes, SOATE codes) to ids through the
 * services, failing with a message that names what was not found.
 */

/** The user with this username (case-insensitive), disabled ones included. */
export async function userByUsername(container: Container, username: string): Promise<User> {
  const { items } = await container.services.users.list({
    search: username,
    includeDisabled: true,
    limit: 500,
  });
  const user = items.find((u) => u.username.toLowerCase() === username.toLowerCase());
  if (!user) throw new CliError(`No user is named "${username}".`);
  return user;
}

/** The id of the agency with this code (case-insensitive), or undefined when no code is given. */
export async function agencyIdByCode(
  container: Container,
  code: string | undefined,
): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const { items } = await container.services.agencies.list();
  const agency = items.find((a) => a.code.toLowerCase() === code.toLowerCase());
  if (!agency)
    throw new CliError(`No agency has the code "${code}" (known: ${items.map((a) => a.code).join(', ')}).`);
  return agency.id;
}

/** The id of the territory with this SOATE code, or undefined when no code is given. */
export async function territoryIdByCode(
  container: Container,
  code: string | undefined,
): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const { items } = await container.services.territories.list();
  const territory = items.find((t) => t.code === code.trim());
  if (!territory) throw new CliError(`No territory has the SOATE code "${code}".`);
  return territory.id;
}

/** Maps of agency and territory ids to their codes, for listings. */
export async function scopeCodes(
  container: Container,
): Promise<{ agencies: Map<string, string>; territories: Map<string, string> }> {
  const agencies = await container.services.agencies.list();
  const territories = await container.services.territories.list();
  return {
    agencies: new Map(agencies.items.map((a) => [a.id, a.code])),
    territories: new Map(territories.items.map((t) => [t.id, t.code])),
  };
}
