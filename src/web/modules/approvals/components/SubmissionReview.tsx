import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApprovalListItem } from '#shared/contracts/approval.contract';
import { formatNumber } from '#shared/format/locale-format';
import { unitName } from '#shared/messages/catalogue';
import { localName } from '#web/lib/format';
import { useServerText } from '#web/lib/messages';
import { checkTone } from '#web/modules/entry/entry-grid';
import { useEntryForm } from '#web/modules/entry/hooks/useEntryForm';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { LoadingState } from '#web/ui/LoadingState';
import { reviewRows } from '../review-rows';

/**
 * What a reviewer needs before deciding on a submission: every value of the report with the checks that fail
 * beside it (bounds in red, rules and outliers in orange), read-only, and a link to the full entry form.
 */
export function SubmissionReview({ report }: { report: ApprovalListItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const serverText = useServerText();
  const query = { agencyId: report.agencyId, territoryId: report.territoryId, period: report.period };
  const form = useEntryForm(query);
  if (form.error) return <ErrorAlert error={form.error} />;
  if (!form.data) return <LoadingState label={t('common.loading')} minHeight={60} />;
  const rows = reviewRows(form.data);
  const warnings = rows.reduce((n, r) => n + r.checks.length, 0);
  const formUrl = `/entry?${new URLSearchParams(query).toString()}`;

  return (
    <Stack gap="xs" data-testid="submission-review">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('approvals.review.summary', { values: rows.filter((r) => r.value !== null).length, warnings })}
        </Text>
        <Anchor component={Link} to={formUrl} size="sm">
          {t('approvals.review.openForm')}
        </Anchor>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('approvals.review.noValues')}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={t('approvals.review.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('approvals.review.element')}</Table.Th>
              <Table.Th ta="right">{t('approvals.review.value')}</Table.Th>
              <Table.Th>{t('approvals.review.checks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-has-checks={row.checks.length > 0 ? 'true' : undefined}>
                <Table.Td>
                  {localName(row.element.name, locale)}
                  {row.column ? (
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {localName(row.column.name, locale)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {row.value === null ? '—' : formatNumber(row.value, locale)}{' '}
                  <Text span size="xs" c="dimmed">
                    {unitName(row.element.unit, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.checks.length === 0 ? (
                    <Badge size="xs" variant="light" color="teal">
                      {t('approvals.review.ok')}
                    </Badge>
                  ) : (
                    <Stack gap={2}>
                      {row.checks.map((check, index) => (
                        <Text
                          key={`${check.kind}-${check.ruleCode ?? ''}-${index}`}
                          size="xs"
                          c={checkTone(check) === 'error' ? 'red.8' : 'orange.9'}
                          data-kind={check.kind}
                        >
                          {t(`entry.checkKinds.${check.kind}`)}: {serverText(check)}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
