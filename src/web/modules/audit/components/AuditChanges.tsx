import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '#shared/contracts/audit.contract';
import { useRenderMessage } from '#web/lib/messages';

type AuditChangesProps = { changes: AuditEntry['changes']; limit?: number };

/**
 * The fields an entry changed, one line each: the field's name and its value before → after, in the interface
 * language, with names instead of ids (the server describes them). `limit` shortens the list for a table cell.
 */
export function AuditChanges({ changes, limit }: AuditChangesProps) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  if (changes.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('common.noChanges')}
      </Text>
    );
  const shown = limit === undefined ? changes : changes.slice(0, limit);
  return (
    <Stack gap={2} data-testid="audit-changes">
      {shown.map((change) => (
        <Text key={change.field} size="xs" lineClamp={limit === undefined ? undefined : 1}>
          <strong>{change.label ? render(change.label) : <Code>{change.field}</Code>}: </strong>
          <Text span c="red.7" inherit>
            {render(change.before)}
          </Text>
          {' → '}
          <Text span c="teal.7" inherit>
            {render(change.after)}
          </Text>
        </Text>
      ))}
      {limit !== undefined && changes.length > limit ? (
        <Text size="xs" c="dimmed">
          {t('common.moreChanges', { count: changes.length - limit })}
        </Text>
      ) : null}
    </Stack>
  );
}
