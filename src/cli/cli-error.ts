import { AppError } from '#server/lib/app-error';

/** An expected failure of the CLI itself (bad configuration, data directory in use, unknown name). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

type Problem = { row: number; column: string | null; message: string };

const isProblemList = (value: unknown): value is Problem[] =>
  Array.isArray(value) &&
  value.every(
    (p) =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as Problem).row === 'number' &&
      typeof (p as Problem).message === 'string',
  );

/**
 * The lines that explain an error to an operator. Expected errors (AppError, CliError) print their code
 * and message, and the problems of a rejected file one per line; unexpected ones print their message, and
 * their stack only when asked for (KUZOT_LOG_LEVEL=debug or trace).
 */
export function describeError(error: unknown, options: { showStack: boolean }): string[] {
  if (error instanceof AppError) {
    const lines = [`${error.code}: ${error.message}`];
    const details = error.details as Record<string, unknown> | undefined;
    if (details && isProblemList(details.problems)) {
      for (const p of details.problems)
        lines.push(`  row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
    } else if (details !== undefined && details !== null) {
      lines.push(`  details: ${JSON.stringify(details)}`);
    }
    return lines;
  }
  if (error instanceof CliError) return [`error: ${error.message}`];
  const message = error instanceof Error ? error.message : String(error);
  if (options.showStack && error instanceof Error && error.stack) return [`error: ${error.stack}`];
  return [`error: ${message}`, '(set KUZOT_LOG_LEVEL=debug to see where it happened)'];
}
