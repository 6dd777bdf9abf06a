import { Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '#shared/contracts/jobs.contract';
import { formatNumber } from '#shared/format/locale-format';
import { translateKey } from '#web/lib/i18n';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { JobErrorMessage } from './JobErrorMessage';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A job's result as a key/value table (JSON for nested values) and its last error, translated, if any. */
export function JobResult({ job }: { job: Job }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="xs">
      {job.error ? (
        <Stack gap={2}>
          <Text size="xs" fw={600} c="red">
            {t('jobs.lastError')}
          </Text>
          <JobErrorMessage error={job.error} />
        </Stack>
      ) : null}
      {isRecord(job.result) ? (
        <Table fz="sm" withTableBorder maw={560} aria-label={t('jobs.result')}>
          <Table.Tbody>
            {Object.entries(job.result).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th fw={500} w={200}>
                  {translateKey(`jobs.resultKeys.${key}`) ?? key}
                </Table.Th>
                <Table.Td>
                  {typeof value === 'object' && value !== null ? (
                    <Code block fz="xs">
                      {JSON.stringify(value, null, 2)}
                    </Code>
                  ) : (
                    <Code>{typeof value === 'number' ? formatNumber(value, locale) : String(value)}</Code>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : job.result !== null && job.result !== undefined ? (
        <Code block>{JSON.stringify(job.result, null, 2)}</Code>
      ) : (
        <Group>
          <Text size="sm" c="dimmed">
            {t('jobs.noResult')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
