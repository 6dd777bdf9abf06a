import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { agencyIdByCode, territoryIdByCode } from '../lookups';
import { agencyOption, roleOption, territoryOption, toRole } from '../options';

type UserAddOptions = {
  username: string;
  displayName: string;
  role: string;
  agency?: string;
  territory?: string;
  email?: string;
  password?: string;
};

/** `kuzot user add …`: creates a user; prints the generated password once when none is given. */
export function registerUserAddCommand(user: Command, runtime: CliRuntime): void {
  user
    .command('add')
    .description(
      'create a user (a password is generated unless --password is given; it must be changed at first sign-in)',
    )
    .requiredOption('--username <username>', 'sign-in name (letters, digits, . _ -)')
    .requiredOption('--display-name <name>', 'name shown in the application')
    .addOption(roleOption(true))
    .addOption(agencyOption())
    .addOption(territoryOption())
    .option('--email <email>', 'e-mail address')
    .option('--password <password>', 'initial password (visible in shell history; prefer the generated one)')
    .action(async (options: UserAddOptions) => {
      await runtime.withContainer('boot', async (container) => {
        const created = await container.services.users.create(runtime.actor(), {
          username: options.username,
          displayName: options.displayName,
          role: toRole(options.role),
          agencyId: await agencyIdByCode(container, options.agency),
          territoryId: await territoryIdByCode(container, options.territory),
          email: options.email,
          password: options.password,
        });
        runtime.print(`Created user ${created.user.username} (${created.user.role}).`);
        if (created.generatedPassword)
          runtime.print(
            `Password (shown once; must be changed at first sign-in): ${created.generatedPassword}`,
          );
      });
    });
}
