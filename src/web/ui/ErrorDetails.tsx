import { Code, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocalisedMessage } from '#shared/messages/message';
import { useServerText } from '#web/lib/messages';

type Problem = { row: number | null; column: string | null; message: string; localised?: unknown };

function asProblems(value: unknown): Problem[] | null {
  if (!Array.isArray(value)) return null;
  const problems: Problem[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const record = item as Record<string, unknown>;
    const message = typeof record.message === 'string' ? record.message : null;
    if (message === null) return null;
    const row = typeof record.row === 'number' ? record.row : null;
    const columnSource = record.column ?? record.path ?? record.instancePath ?? record.field;
    const column = typeof columnSource === 'string' && columnSource !== '' ? columnSource : null;
    problems.push({
      row,
      column,
      message,
      ...(isLocalisedMessage(record.localised) ? { localised: record.localised } : {}),
    });
  }
  return problems;
}

type ProblemTableProps = { problems: Problem[]; withRow: boolean };

function ProblemTable({ problems, withRow }: ProblemTableProps) {
  const { t } = useTranslation();
  const text = useServerText();
  return (
    <Table.ScrollContainer minWidth={360} maxHeight={360}>
      <Table striped withTableBorder fz="sm" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {withRow ? <Table.Th w={80}>{t('errors.row')}</Table.Th> : null}
            <Table.Th w={180}>{t('errors.field')}</Table.Th>
            <Table.Th>{t('errors.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem, index) => (
            <Table.Tr key={index}>
              {withRow ? <Table.Td>{problem.row ?? '—'}</Table.Td> : null}
              <Table.Td>
                {problem.column ? <Code>{problem.column}</Code> : <Text c="dimmed">—</Text>}
              </Table.Td>
              <Table.Td data-testid="problem-text">{text(problem)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type ErrorDetailsProps = { details: unknown };

/**
 * Shows the `details` of a VALIDATION_FAILED or IMPORT_INVALID error: a table of problems
 * (row, field, message in the interface language) when the server sends one, otherwise a readable list.
 */
export function ErrorDetails({ details }: ErrorDetailsProps) {
  if (details === undefined || details === null) return null;
  const container =
    typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : null;
  const candidates = [details, container?.problems, container?.errors, container?.issues];
  for (const candidate of candidates) {
    const problems = asProblems(candidate);
    if (problems && problems.length > 0) {
      return <ProblemTable problems={problems} withRow={problems.some((p) => p.row !== null)} />;
    }
  }
  if (container) {
    return (
      <List size="sm" spacing={2}>
        {Object.entries(container).map(([key, value]) => (
          <List.Item key={key}>
            <Code>{key}</Code>: {typeof value === 'string' ? value : JSON.stringify(value)}
          </List.Item>
        ))}
      </List>
    );
  }
  return <Code block>{JSON.stringify(details, null, 2)}</Code>;
}
