import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Population } from '#shared/contracts/territories.contract';
import {
  populationFlags,
  populationKinds,
  type PopulationFlag,
  type PopulationKind,
} from '#shared/domain/population';
import { useRenderMessage } from '#web/lib/messages';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { useUpsertPopulation } from '../hooks/useTerritories';
import { populationYears } from '../territory-tree';

type PopulationFormModalProps = {
  territoryId: string;
  territoryName: string;
  population: Population[];
  /** Year to edit; null closes the modal. */
  year: number | null;
  onClose: () => void;
};

type Count = number | null;
type FormState = {
  year: number;
  total: Count;
  male: Count;
  female: Count;
  age0to17: Count;
  age14to35: Count;
  source: string;
  isEstimate: boolean;
  kind: PopulationKind;
  /** Kept from the stored figure (a census day); 1 January figures take 1 January. */
  referenceDate: string | null;
  flag: PopulationFlag | null;
};

function stateFor(year: number, population: Population[]): FormState {
  const row = population.find((item) => item.year === year);
  return {
    year,
    total: row?.total ?? null,
    male: row?.male ?? null,
    female: row?.female ?? null,
    age0to17: row?.age0to17 ?? null,
    age14to35: row?.age14to35 ?? null,
    source: row?.source ?? '',
    isEstimate: row?.isEstimate ?? false,
    kind: row?.kind ?? 'jan1',
    referenceDate: row?.referenceDate ?? null,
    flag: row?.flag ?? null,
  };
}

function toCount(value: string | number): Count {
  if (value === '' || value === null) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? Math.round(number) : null;
}

/**
 * Edits the figures of one year; an empty field means "no official figure", not zero.
 * Render it with `key={year}` so each opening starts from that year's stored figures.
 */
export function PopulationFormModal({
  territoryId,
  territoryName,
  population,
  year,
  onClose,
}: PopulationFormModalProps) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const mutation = useUpsertPopulation(territoryId);
  const errorOf = useFieldError(mutation.error);
  const [form, setForm] = useState<FormState>(() => stateFor(year ?? populationYears.to, population));

  const yearOptions: string[] = [];
  for (let y = populationYears.to + 1; y >= 1990; y -= 1) yearOptions.push(String(y));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      {
        year: form.year,
        request: {
          total: form.total,
          male: form.male,
          female: form.female,
          age0to17: form.age0to17,
          age14to35: form.age14to35,
          source: form.source.trim(),
          isEstimate: form.isEstimate,
          kind: form.kind,
          referenceDate:
            form.kind === 'census' && form.referenceDate?.startsWith(`${form.year}-`)
              ? form.referenceDate
              : null,
          flag: form.flag,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('population.saved', { year: form.year }) });
          onClose();
        },
      },
    );
  };

  const countInput = (key: 'total' | 'male' | 'female' | 'age0to17' | 'age14to35') => (
    <NumberInput
      label={t(`population.${key}`)}
      error={errorOf(key)}
      value={form[key] ?? ''}
      onChange={(value) => setForm((state) => ({ ...state, [key]: toCount(value) }))}
      min={0}
      max={100_000_000}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=" "
      placeholder="—"
    />
  );

  return (
    <Modal
      opened={year !== null}
      onClose={onClose}
      title={t('population.editTitle', { name: territoryName })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <Select
            label={t('population.year')}
            error={errorOf('year')}
            data={yearOptions}
            value={String(form.year)}
            onChange={(value) => value && setForm(stateFor(Number(value), population))}
            allowDeselect={false}
            searchable
            w={160}
          />
          <Text size="xs" c="dimmed">
            {t('population.emptyMeansMissing')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {countInput('total')}
            {countInput('male')}
            {countInput('female')}
            {countInput('age0to17')}
            {countInput('age14to35')}
          </SimpleGrid>
          <Textarea
            label={t('population.source')}
            error={errorOf('source')}
            description={t('population.sourceHint')}
            value={form.source}
            onChange={(event) => {
              const source = event.currentTarget.value;
              setForm((state) => ({ ...state, source }));
            }}
            autosize
            minRows={2}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('population.kind')}
              data={populationKinds.map((kind) => ({ value: kind, label: t(`population.kinds.${kind}`) }))}
              value={form.kind}
              onChange={(value) => value && setForm((state) => ({ ...state, kind: value }))}
              allowDeselect={false}
            />
            <Select
              label={t('population.flag')}
              data={populationFlags.map((flag) => ({
                value: flag,
                label: render({ key: `population.doubt.${flag}` }),
              }))}
              value={form.flag}
              onChange={(value) => setForm((state) => ({ ...state, flag: value }))}
              placeholder={t('population.noFlag')}
              clearable
            />
          </SimpleGrid>
          <Checkbox
            label={t('population.isEstimate')}
            checked={form.isEstimate}
            onChange={(event) => {
              const isEstimate = event.currentTarget.checked;
              setForm((state) => ({ ...state, isEstimate }));
            }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={form.source.trim().length < 3}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
