import { useState, type FormEvent } from 'react';
import {
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { directions, type Indicator } from '#shared/contracts/catalogue.contract';
import type { LocalisedName } from '#shared/contracts/common.contract';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { datePattern, isCatalogueCode } from '../form-rules';
import { useCreateIndicator, useUpdateIndicator } from '../hooks/useCatalogue';
import { FormulaInput } from './FormulaInput';
import { CatalogueIdentityFields } from './CatalogueIdentityFields';
import { emptyName, isNameFilled, trimmedName } from './LocalisedNameFields';
import { VersionTimeline } from './VersionTimeline';
import { isUnitCode } from '#shared/domain/unit';
import { UnitSelect } from './UnitSelect';

type IndicatorFormModalProps = {
  /** The indicator to edit, or null to add one. */
  indicator: Indicator | null;
  onClose: () => void;
};

type FormState = {
  code: string;
  name: LocalisedName;
  description: string;
  unit: string;
  direction: Indicator['direction'];
  decimals: number;
  isActive: boolean;
  formula: string;
  validFrom: string;
};

/**
 * Adds a derived indicator (with its first formula, checked as it is typed, and the date it applies from) or edits
 * what describes one. The formula of an existing indicator changes only by a new version, never here.
 */
export function IndicatorFormModal({ indicator, onClose }: IndicatorFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const mutation = indicator ? update : create;
  const fieldError = useFieldError(mutation.error);
  const [form, setForm] = useState<FormState>({
    code: indicator?.code ?? '',
    name: indicator?.name ?? emptyName,
    description: indicator?.description ?? '',
    unit: indicator?.unit ?? '',
    direction: indicator?.direction ?? 'higher_is_worse',
    decimals: indicator?.decimals ?? 1,
    isActive: indicator?.isActive ?? true,
    formula: '',
    validFrom: '2015-01-01',
  });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((state) => ({ ...state, [key]: value }));

  const isCodeValid = isCatalogueCode(form.code);
  const isComplete =
    isNameFilled(form.name) &&
    isUnitCode(form.unit) &&
    (indicator !== null || (isCodeValid && form.formula.trim() !== '' && datePattern.test(form.validFrom)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isUnitCode(form.unit)) return;
    const common = {
      name: trimmedName(form.name),
      description: form.description.trim(),
      unit: form.unit,
      direction: form.direction,
      decimals: form.decimals,
    };
    const done = () => {
      notifications.show({
        color: 'teal',
        message: indicator
          ? t('catalogue.indicators.saved')
          : t('catalogue.indicators.created', { code: form.code }),
      });
      onClose();
    };
    if (indicator)
      update.mutate(
        { id: indicator.id, request: { ...common, isActive: form.isActive } },
        { onSuccess: done },
      );
    else
      create.mutate(
        { ...common, code: form.code, formula: form.formula, validFrom: form.validFrom },
        { onSuccess: done },
      );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        indicator
          ? t('catalogue.indicators.editTitle', { code: indicator.code })
          : t('catalogue.indicators.addTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <CatalogueIdentityFields
            isNew={indicator === null}
            value={form}
            onChange={(patch) => setForm((state) => ({ ...state, ...patch }))}
            fieldError={fieldError}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <UnitSelect value={form.unit} onChange={(unit) => set('unit', unit)} error={fieldError('unit')} />
            <Select
              label={t('catalogue.fields.direction')}
              data={directions.map((value) => ({ value, label: t(`catalogue.directions.${value}`) }))}
              value={form.direction}
              onChange={(value) => value && set('direction', value)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('catalogue.fields.decimals')}
              value={form.decimals}
              onChange={(value) => set('decimals', typeof value === 'number' ? value : 0)}
              min={0}
              max={6}
              allowDecimal={false}
              allowNegative={false}
            />
          </SimpleGrid>
          {indicator ? (
            <Switch
              label={t('catalogue.fields.isActive')}
              checked={form.isActive}
              onChange={(event) => set('isActive', event.currentTarget.checked)}
            />
          ) : (
            <>
              <FormulaInput
                label={t('catalogue.fields.formula')}
                value={form.formula}
                onChange={(formula) => set('formula', formula)}
                indicatorCode={form.code || null}
                error={fieldError('formula')}
                testId="formula-check"
              />
              <TextInput
                type="date"
                label={t('catalogue.fields.validFrom')}
                description={t('catalogue.indicators.validFromHint')}
                value={form.validFrom}
                onChange={(event) => set('validFrom', event.currentTarget.value)}
                required
                w={220}
                error={fieldError('validFrom')}
              />
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!isComplete}>
              {indicator ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {indicator ? (
        <>
          <Divider my="lg" />
          <Title order={3} size="h5" mb="sm">
            {t('catalogue.indicators.versions')}
          </Title>
          <VersionTimeline versions={indicator.versions} />
        </>
      ) : null}
    </Modal>
  );
}
