import type { Command } from 'commander';
import type { User } from '#shared/contracts/users.contract';
import type { CliRuntime } from '../cli-runtime';
import { scopeCodes } from '../lookups';
import { formatTable } from '../table';

const status = (u: User) =>
  u.isDisabled
    ? 'disabled'
    : u.isLocked
      ? 'locked'
      : u.mustChangePassword
        ? 'must change password'
        : 'active';

/** `kuzot user list`: every user, disabled ones included, with role, scope and status. */
export function registerUserListCommand(user: Command, runtime: CliRuntime): void {
  user
    .command('list')
    .description('list all users')
    .action(async () => {
      await runtime.withContainer('boot', async (container) => {
        const users: User[] = [];
        for (let total = Infinity; users.length < total;) {
          const page = await container.services.users.list({
            includeDisabled: true,
            limit: 500,
            offset: users.length,
          });
          users.push(...page.items);
          total = page.items.length === 0 ? users.length : page.total;
        }
        const codes = await scopeCodes(container);
        const scope = (u: User) =>
          u.agencyId
            ? `agency ${codes.agencies.get(u.agencyId) ?? u.agencyId}`
            : u.territoryId
              ? `territory ${codes.territories.get(u.territoryId) ?? u.territoryId}`
              : '';
        runtime.print(
          ...formatTable(
            ['USERNAME', 'NAME', 'ROLE', 'SCOPE', 'STATUS', 'LAST SIGN-IN'],
            users.map((u) => [
              u.username,
              u.displayName,
              u.role,
              scope(u),
              status(u),
              u.lastLoginAt ?? 'never',
            ]),
          ),
          `${users.length} user(s)`,
        );
      });
    });
}
