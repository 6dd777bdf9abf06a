import { useState } from 'react';
import { NumberInput, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ReportingDeadline } from '#shared/contracts/approval.contract';
import { periodTypes, type PeriodType } from '#shared/domain/period';
import { useHasPermission } from '#web/modules/auth/hooks/useSession';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useErrorMessage } from '#web/ui/useErrorMessage';
import { useDeadlines, usePutDeadline } from '../hooks/useApprovals';
import { useNames } from '../hooks/useNames';

/** One editable cell: saves on blur when the number changed. */
function DeadlineCell({ deadline, editable }: { deadline: ReportingDeadline; editable: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const put = usePutDeadline();
  const [value, setValue] = useState<number | string>(deadline.daysAfterEnd);
  const label = t('completeness.deadlines.cellLabel', {
    type: t(`completeness.periodTypes.${deadline.periodType}`),
  });
  if (!editable) return <Text size="sm">{deadline.daysAfterEnd}</Text>;
  const save = () => {
    if (typeof value !== 'number' || value === deadline.daysAfterEnd) return;
    put.mutate(
      { agencyId: deadline.agencyId, periodType: deadline.periodType, daysAfterEnd: value },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('completeness.deadlines.saved') }),
        onError: (error) => {
          setValue(deadline.daysAfterEnd);
          notifications.show({ color: 'red', message: describe(error).message });
        },
      },
    );
  };
  return (
    <NumberInput
      aria-label={label}
      value={value}
      onChange={setValue}
      onBlur={save}
      min={0}
      max={366}
      allowDecimal={false}
      allowNegative={false}
      w={100}
      size="xs"
      styles={deadline.isDefault ? { input: { fontStyle: 'italic' } } : undefined}
    />
  );
}

/** Report deadlines in days after the period ends, per agency and period type; editable by catalogue managers. */
export function DeadlinesPanel() {
  const { t } = useTranslation();
  const names = useNames();
  const canManage = useHasPermission('catalogue.manage');
  const deadlines = useDeadlines();
  if (deadlines.error) return <ErrorAlert error={deadlines.error} />;
  const data = deadlines.data;
  if (!data) return null;
  const byAgency = new Map<string, Map<PeriodType, ReportingDeadline>>();
  for (const d of data.items) {
    const row = byAgency.get(d.agencyId) ?? new Map<PeriodType, ReportingDeadline>();
    row.set(d.periodType, d);
    byAgency.set(d.agencyId, row);
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('completeness.deadlines.description', { days: data.defaultDaysAfterEnd })}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table aria-label={t('completeness.deadlines.title')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('completeness.agency')}</Table.Th>
              {periodTypes.map((type) => (
                <Table.Th key={type}>{t(`completeness.periodTypes.${type}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...byAgency].map(([agencyId, row]) => (
              <Table.Tr key={agencyId}>
                <Table.Td>{names.agency(agencyId)}</Table.Td>
                {periodTypes.map((type) => {
                  const deadline = row.get(type);
                  return (
                    <Table.Td key={type}>
                      {deadline ? <DeadlineCell deadline={deadline} editable={canManage} /> : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
