import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { userByUsername } from '../lookups';

/** `kuzot user reset-password USERNAME [--password P]`: new password, unlocked account, sessions ended. */
export function registerUserResetPasswordCommand(user: Command, runtime: CliRuntime): void {
  user
    .command('reset-password <username>')
    .description('set a new password (generated unless given), unlock the account and end its sessions')
    .option('--password <password>', 'the new password (visible in shell history; prefer the generated one)')
    .action(async (username: string, options: { password?: string }) => {
      await runtime.withContainer('boot', async (container) => {
        const target = await userByUsername(container, username);
        const result = await container.services.users.resetPassword(
          runtime.actor(),
          target.id,
          options.password,
        );
        runtime.print(
          `Reset the password of ${result.user.username}; it must be changed at the next sign-in.`,
        );
        if (result.generatedPassword) runtime.print(`Password (shown once): ${result.generatedPassword}`);
      });
    });
}
