import { Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job } from '#shared/contracts/jobs.contract';
import { formatNumber } from '#shared/format/locale-format';
import { translateKey } from '#web/lib/i18n';
import { useRenderMessage } from '#web/lib/messages';
import { isLocalisedMessage, type Message } from '#shared/messages/message';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failed job's sentence: the catalogue message it stored, in the interface language, else its text. */
function failureOf(job: Job): { localised: Message | null; text: string } | null {
  if (!job.lastError) return null;
  const localised =
    isRecord(job.result) && isLocalisedMessage(job.result.localised) ? job.result.localised : null;
  return { localised, text: job.lastError };
}

/** A job's result as a key/value table (JSON for nested values) and its last error, if any. */
export function JobResult({ job }: { job: Job }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const render = useRenderMessage();
  const failure = failureOf(job);
  // A failure's own fields (code, English text, message) are shown as the sentence above, not as a result.
  const result =
    failure && isRecord(job.result)
      ? Object.fromEntries(
          Object.entries(job.result).filter(([key]) => !['code', 'message', 'localised'].includes(key)),
        )
      : job.result;
  return (
    <Stack gap="xs">
      {failure ? (
        <Stack gap={2}>
          <Text size="xs" fw={600} c="red">
            {t('jobs.lastError')}
          </Text>
          <Text size="sm" c="red.8" data-testid="job-error">
            {failure.localised ? render(failure.localised, failure.text) : failure.text}
          </Text>
        </Stack>
      ) : null}
      {isRecord(result) && Object.keys(result).length > 0 ? (
        <Table fz="sm" withTableBorder maw={560} aria-label={t('jobs.result')}>
          <Table.Tbody>
            {Object.entries(result).map(([key, value]) => (
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
      ) : result !== null && result !== undefined && !isRecord(result) ? (
        <Code block>{JSON.stringify(result, null, 2)}</Code>
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
