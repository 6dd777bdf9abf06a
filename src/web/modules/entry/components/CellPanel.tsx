import { Button, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataValue, EntryForm, ValueFlag } from '#shared/contracts/data-values.contract';
import { formatDateTime, formatNumber } from '#shared/format/locale-format';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { LoadingState } from '#web/ui/LoadingState';
import { MissingValue } from '#web/ui/MissingValue';
import { useValueHistory } from '../hooks/useEntryForm';
import type { SelectedCell } from './EntryGrid';

type CellPanelProps = {
  form: EntryForm;
  cell: SelectedCell | null;
  stored: DataValue | undefined;
  /** Saves the stored value again with a new comment and flag. */
  saveNotes: (comment: string | null, flag: ValueFlag | null) => Promise<void>;
};

/** The selected cell's comment, flag and history (old → new, who, when). */
export function CellPanel({ form, cell, stored, saveNotes }: CellPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [comment, setComment] = useState('');
  const [flag, setFlag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const history = useValueHistory(
    cell
      ? {
          dataElementId: cell.element.id,
          territoryId: form.territoryId,
          period: form.period,
          disaggregation: cell.column.disaggregation,
        }
      : null,
  );

  useEffect(() => {
    setComment(stored?.comment ?? '');
    setFlag(stored?.flag ?? null);
    setError(null);
  }, [stored?.comment, stored?.flag, cell?.element.id, cell?.column.disaggregation]);

  if (!cell)
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('entry.panelHint')}
        </Text>
      </Paper>
    );

  const show = (value: number | null) => (value === null ? '—' : formatNumber(value, locale));
  const columnName = cell.column.disaggregation === '' ? '' : localName(cell.column.name, locale);
  const unchanged = (stored?.comment ?? '') === comment.trim() && (stored?.flag ?? null) === flag;

  return (
    <Paper withBorder p="md" radius="md" data-testid="cell-panel">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h5">
            {localName(cell.element.name, locale)}
          </Title>
          {columnName ? (
            <Text size="sm" c="dimmed">
              {columnName}
            </Text>
          ) : null}
        </div>
        <Text size="sm">
          {t('entry.currentValue')}:{' '}
          {stored ? (
            <strong>{formatNumber(stored.value, locale)}</strong>
          ) : (
            <MissingValue reason={t('entry.noValue')} />
          )}
          {stored?.isSynthetic ? ` (${t('entry.synthetic')})` : ''}
        </Text>
        <Textarea
          label={t('entry.comment')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          disabled={!form.editable || !stored}
        />
        <Select
          label={t('entry.flag')}
          data={[
            { value: 'estimated', label: t('entry.flags.estimated') },
            { value: 'provisional', label: t('entry.flags.provisional') },
          ]}
          value={flag}
          onChange={setFlag}
          clearable
          placeholder={t('entry.flags.none')}
          disabled={!form.editable || !stored}
        />
        {!stored && form.editable ? (
          <Text size="xs" c="dimmed">
            {t('entry.notesNeedValue')}
          </Text>
        ) : null}
        {error ? <ErrorAlert error={error} onClose={() => setError(null)} /> : null}
        <Button
          size="xs"
          variant="light"
          disabled={!form.editable || !stored || unchanged}
          loading={saving}
          onClick={() => {
            setSaving(true);
            setError(null);
            saveNotes(comment.trim() === '' ? null : comment.trim(), (flag as ValueFlag | null) ?? null)
              .catch(setError)
              .finally(() => setSaving(false));
          }}
        >
          {t('entry.saveNotes')}
        </Button>

        <Title order={3} size="h6" mt="xs">
          {t('entry.history')}
        </Title>
        {history.isPending ? (
          <LoadingState label={t('common.loading')} minHeight={60} />
        ) : history.error ? (
          <ErrorAlert error={history.error} />
        ) : history.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('entry.noHistory')}
          </Text>
        ) : (
          <Table fz="xs" verticalSpacing={2} data-testid="value-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('entry.change')}</Table.Th>
                <Table.Th>{t('entry.who')}</Table.Th>
                <Table.Th>{t('entry.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((entry, index) => (
                <Table.Tr key={`${entry.changedAt}-${index}`}>
                  <Table.Td>
                    {show(entry.oldValue)} → {show(entry.newValue)}
                    {entry.newComment !== entry.oldComment && entry.newComment ? (
                      <Text size="xs" c="dimmed">
                        “{entry.newComment}”
                      </Text>
                    ) : null}
                    {entry.newFlag !== entry.oldFlag ? (
                      <Text size="xs" c="dimmed">
                        {t('entry.flag')}:{' '}
                        {entry.newFlag
                          ? t(`entry.flags.${entry.newFlag as ValueFlag}`)
                          : t('entry.flags.none')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{entry.changedBy ?? '—'}</Table.Td>
                  <Table.Td>{formatDateTime(entry.changedAt, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
