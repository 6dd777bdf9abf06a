import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { agencyIdByCode, territoryIdByCode, userByUsername } from '../lookups';
import { agencyOption, roleOption, territoryOption, toRole } from '../options';

/** `kuzot user set-role USERNAME --role R [--agency CODE] [--territory SOATE]`. Ends the user's sessions. */
export function registerUserSetRoleCommand(user: Command, runtime: CliRuntime): void {
  user
    .command('set-role <username>')
    .description("change a user's role and scope (their sessions end)")
    .addOption(roleOption(true))
    .addOption(agencyOption())
    .addOption(territoryOption())
    .action(async (username: string, options: { role: string; agency?: string; territory?: string }) => {
      await runtime.withContainer('boot', async (container) => {
        const target = await userByUsername(container, username);
        const updated = await container.services.users.update(runtime.actor(), target.id, {
          role: toRole(options.role),
          agencyId: await agencyIdByCode(container, options.agency),
          territoryId: await territoryIdByCode(container, options.territory),
        });
        const scope = options.agency
          ? ` for agency ${options.agency}`
          : options.territory
            ? ` for territory ${options.territory}`
            : '';
        runtime.print(`User ${updated.username} is now ${updated.role}${scope}.`);
      });
    });
}
