import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime';
import { userByUsername } from '../lookups';

/** `kuzot user disable USERNAME` and `kuzot user enable USERNAME`. Disabling ends the user's sessions. */
export function registerUserStatusCommands(user: Command, runtime: CliRuntime): void {
  for (const disable of [true, false]) {
    user
      .command(`${disable ? 'disable' : 'enable'} <username>`)
      .description(disable ? 'disable a user and end their sessions' : 'enable a disabled user')
      .action(async (username: string) => {
        await runtime.withContainer('boot', async (container) => {
          const target = await userByUsername(container, username);
          await container.services.users.update(runtime.actor(), target.id, { isDisabled: disable });
          runtime.print(
            disable
              ? `Disabled user ${target.username}; their sessions have ended.`
              : `Enabled user ${target.username}.`,
          );
        });
      });
  }
}
