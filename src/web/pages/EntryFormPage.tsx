import { Alert, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { IconFlask, IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EntryFormQuery, ValueFlag } from '#shared/contracts/data-values.contract';
import { ApprovalActions } from '#web/modules/approvals/components/ApprovalActions';
import { useSession } from '#web/modules/auth/hooks/useSession';
import { CellPanel } from '#web/modules/entry/components/CellPanel';
import { ChecksList } from '#web/modules/entry/components/ChecksList';
import { EntryGrid, type SelectedCell } from '#web/modules/entry/components/EntryGrid';
import { EntryPicker, type EntryChoice } from '#web/modules/entry/components/EntryPicker';
import { cellId, defaultPeriod, periodParts } from '#web/modules/entry/entry-grid';
import { useEntryForm, useSaveValue } from '#web/modules/entry/hooks/useEntryForm';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { LoadingState } from '#web/ui/LoadingState';
import { PageHeader } from '#web/ui/PageHeader';

/**
 * Data entry: an agency's form for a territory and period. The choice lives in the address, so a reload or
 * a shared link opens the same form.
 */
export function EntryFormPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const user = session?.user;

  const requestedPeriod = params.get('period') ?? '';
  const choice: EntryChoice = {
    agencyId:
      user?.role === 'agency_officer' && user.agencyId ? user.agencyId : (params.get('agencyId') ?? null),
    territoryId: params.get('territoryId') ?? user?.territoryId ?? null,
    period: periodParts(requestedPeriod)
      ? requestedPeriod
      : defaultPeriod('month', new Date().toISOString().slice(0, 10)),
  };
  const query: EntryFormQuery | null = useMemo(
    () =>
      choice.agencyId && choice.territoryId
        ? { agencyId: choice.agencyId, territoryId: choice.territoryId, period: choice.period }
        : null,
    [choice.agencyId, choice.territoryId, choice.period],
  );
  const form = useEntryForm(query);
  const save = useSaveValue();

  const onChoice = (next: EntryChoice) => {
    setSelected(null);
    const search = new URLSearchParams();
    if (next.agencyId) search.set('agencyId', next.agencyId);
    if (next.territoryId) search.set('territoryId', next.territoryId);
    search.set('period', next.period);
    setParams(search, { replace: true });
  };

  const data = form.data;
  const storedOfSelected =
    selected && data
      ? data.values.find(
          (v) =>
            cellId(v.dataElementId, v.disaggregation) ===
            cellId(selected.element.id, selected.column.disaggregation),
        )
      : undefined;
  const synthetic = data?.values.some((v) => v.isSynthetic) ?? false;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('entry.title')}
        description={t('entry.description')}
        actions={
          query ? (
            <ApprovalActions
              agencyId={query.agencyId}
              territoryId={query.territoryId}
              period={query.period}
            />
          ) : null
        }
      />
      <EntryPicker value={choice} onChange={onChoice} />
      {!query ? (
        <Text c="dimmed" size="sm">
          {t('entry.chooseForm')}
        </Text>
      ) : form.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : form.error ? (
        <ErrorAlert error={form.error} />
      ) : data ? (
        <>
          <Group gap="sm">
            {synthetic ? (
              <Badge
                color="grape"
                variant="light"
                leftSection={<IconFlask size={12} aria-hidden />}
                data-testid="synthetic-badge"
              >
                {t('entry.syntheticBadge')}
              </Badge>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('entry.deadline', { date: data.approval.deadline })}
            </Text>
          </Group>
          {!data.editable ? (
            <Alert
              color="gray"
              variant="light"
              icon={<IconLock size={18} aria-hidden />}
              data-testid="entry-locked"
            >
              {t(`entry.locked.${data.approval.status === 'approved' ? 'approved' : 'submitted'}`)}
            </Alert>
          ) : null}
          {data.elements.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('entry.noElements')}
            </Text>
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, xl: 9 }}>
                <Stack gap="md">
                  <EntryGrid
                    key={`${data.agencyId}|${data.territoryId}|${data.period}`}
                    form={data}
                    selected={selected}
                    onSelect={setSelected}
                    save={async (element, column, value) => {
                      await save.mutateAsync({
                        form: { agencyId: data.agencyId, territoryId: data.territoryId, period: data.period },
                        request: {
                          dataElementId: element.id,
                          territoryId: data.territoryId,
                          period: data.period,
                          disaggregation: column.disaggregation,
                          value,
                        },
                      });
                    }}
                  />
                  <ChecksList form={data} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, xl: 3 }}>
                <CellPanel
                  form={data}
                  cell={selected}
                  stored={storedOfSelected}
                  saveNotes={async (comment: string | null, flag: ValueFlag | null) => {
                    if (!selected || !storedOfSelected) return;
                    await save.mutateAsync({
                      form: { agencyId: data.agencyId, territoryId: data.territoryId, period: data.period },
                      request: {
                        dataElementId: selected.element.id,
                        territoryId: data.territoryId,
                        period: data.period,
                        disaggregation: selected.column.disaggregation,
                        value: storedOfSelected.value,
                        comment,
                        flag,
                      },
                    });
                  }}
                />
              </Grid.Col>
            </Grid>
          )}
        </>
      ) : null}
    </Stack>
  );
}
