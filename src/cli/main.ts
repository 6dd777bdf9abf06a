import { runCli } from './program';

/**
 * CLI entry point: `kuzot <command>` (bin/kuzot.js), `node dist/cli/main.js <command>` or
 * `tsx src/cli/main.ts <command>`. Runs the command line and sets the exit status; the process ends when
 * the command has closed the database (or, for `serve`, when the server stops).
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv);
}

await main();
