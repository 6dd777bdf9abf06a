import { useState, type FormEvent } from 'react';
import { Checkbox, Divider, Modal, Select, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Agency } from '#shared/contracts/agencies.contract';
import {
  aggregations,
  directions,
  territoryAggregations,
  valueTypes,
  type Catalogue,
  type CreateDataElementRequest,
  type DataElement,
} from '#shared/contracts/catalogue.contract';
import { periodTypes } from '#shared/domain/period';
import { reportedLevels } from '#shared/domain/reporting';
import { localName } from '#web/lib/format';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { isCatalogueCode } from '../form-rules';
import { useCreateDataElement, useUpdateDataElement } from '../hooks/useCatalogue';
import { CatalogueFormFooter } from './CatalogueFormFooter';
import { CatalogueIdentityFields } from './CatalogueIdentityFields';
import { emptyName, isNameFilled, trimmedName } from './LocalisedNameFields';
import { ValueBoundsSection } from './ValueBoundsSection';
import { isUnitCode } from '#shared/domain/unit';
import { UnitSelect } from './UnitSelect';

type DataElementFormModalProps = {
  /** The element to edit, or null to add one. */
  element: DataElement | null;
  catalogue: Catalogue;
  agencies: Agency[];
  onClose: () => void;
};

type FormState = Omit<CreateDataElementRequest, 'description' | 'categoryComboId' | 'unit'> & {
  /** A unit code, '' before one is picked, or a unit typed by hand in an older version. */
  unit: string;
  description: string;
  categoryComboId: string;
  isActive: boolean;
};

function initialState(element: DataElement | null, catalogue: Catalogue): FormState {
  if (element)
    return {
      code: element.code,
      name: element.name,
      description: element.description,
      agencyId: element.agencyId,
      unit: element.unit,
      valueType: element.valueType,
      periodType: element.periodType,
      categoryComboId: element.categoryComboId,
      aggregationTime: element.aggregationTime,
      aggregationTerritory: element.aggregationTerritory,
      reportedLevel: element.reportedLevel,
      allowsNegative: element.allowsNegative,
      direction: element.direction,
      isActive: element.isActive,
    };
  return {
    code: '',
    name: emptyName,
    description: '',
    agencyId: '',
    unit: '',
    valueType: 'integer',
    periodType: 'month',
    categoryComboId: catalogue.categoryCombos.find((c) => c.code === 'default')?.id ?? '',
    aggregationTime: 'sum',
    aggregationTerritory: 'sum',
    reportedLevel: 'leaf',
    allowsNegative: false,
    direction: 'higher_is_worse',
    isActive: true,
  };
}

/**
 * Adds a data element or edits one: names in three languages, owning agency, unit, value and period type,
 * disaggregation, aggregation and direction. The code is fixed once created (formulas refer to it). Editing also
 * shows the element's min/max bounds.
 */
export function DataElementFormModal({ element, catalogue, agencies, onClose }: DataElementFormModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const create = useCreateDataElement();
  const update = useUpdateDataElement();
  const mutation = element ? update : create;
  const fieldError = useFieldError(mutation.error);
  const [form, setForm] = useState<FormState>(() => initialState(element, catalogue));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((state) => ({ ...state, [key]: value }));

  const isCodeValid = isCatalogueCode(form.code);
  const isComplete =
    (element !== null || isCodeValid) &&
    isNameFilled(form.name) &&
    form.agencyId !== '' &&
    isUnitCode(form.unit) &&
    form.categoryComboId !== '';

  const aggregationOptions = aggregations.map((value) => ({
    value,
    label: t(`catalogue.aggregations.${value}`),
  }));
  const territoryAggregationOptions = territoryAggregations.map((value) => ({
    value,
    label: t(`catalogue.aggregations.${value}`),
  }));
  const reportedLevelOptions = reportedLevels.map((value) => ({
    value,
    label: value === 'leaf' ? t('catalogue.reportedLevelLeaf') : t(`levels.${value}`),
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { code, isActive, ...rest } = form;
    if (!isUnitCode(form.unit)) return;
    const common = {
      ...rest,
      name: trimmedName(form.name),
      unit: form.unit,
      description: form.description.trim(),
    };
    const done = () => {
      notifications.show({
        color: 'teal',
        message: element ? t('catalogue.dataElements.saved') : t('catalogue.dataElements.created', { code }),
      });
      onClose();
    };
    if (element) update.mutate({ id: element.id, request: { ...common, isActive } }, { onSuccess: done });
    else create.mutate({ ...common, code }, { onSuccess: done });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        element
          ? t('catalogue.dataElements.editTitle', { code: element.code })
          : t('catalogue.dataElements.addTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <CatalogueIdentityFields
            isNew={element === null}
            value={form}
            onChange={(patch) => setForm((state) => ({ ...state, ...patch }))}
            fieldError={fieldError}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('catalogue.fields.agency')}
              data={agencies
                .filter((a) => a.isActive || a.id === form.agencyId)
                .map((a) => ({ value: a.id, label: `${a.code} — ${localName(a.shortName, locale)}` }))}
              value={form.agencyId || null}
              onChange={(value) => set('agencyId', value ?? '')}
              searchable
              required
              error={fieldError('agencyId')}
            />
            <UnitSelect value={form.unit} onChange={(unit) => set('unit', unit)} error={fieldError('unit')} />
            <Select
              label={t('catalogue.fields.disaggregation')}
              data={catalogue.categoryCombos.map((c) => ({ value: c.id, label: localName(c.name, locale) }))}
              value={form.categoryComboId || null}
              onChange={(value) => set('categoryComboId', value ?? '')}
              allowDeselect={false}
              required
              error={fieldError('categoryComboId')}
            />
            <Select
              label={t('catalogue.fields.valueType')}
              data={valueTypes.map((value) => ({ value, label: t(`catalogue.valueTypes.${value}`) }))}
              value={form.valueType}
              onChange={(value) => value && set('valueType', value)}
              allowDeselect={false}
            />
            <Select
              label={t('catalogue.fields.periodType')}
              data={periodTypes.map((value) => ({ value, label: t(`catalogue.periodTypes.${value}`) }))}
              value={form.periodType}
              onChange={(value) => value && set('periodType', value)}
              allowDeselect={false}
            />
            <Select
              label={t('catalogue.fields.direction')}
              data={directions.map((value) => ({ value, label: t(`catalogue.directions.${value}`) }))}
              value={form.direction}
              onChange={(value) => value && set('direction', value)}
              allowDeselect={false}
            />
            <Select
              label={t('catalogue.fields.aggregationTime')}
              data={aggregationOptions}
              value={form.aggregationTime}
              onChange={(value) => value && set('aggregationTime', value)}
              allowDeselect={false}
            />
            <Select
              label={t('catalogue.fields.aggregationTerritory')}
              data={territoryAggregationOptions}
              value={form.aggregationTerritory}
              onChange={(value) => value && set('aggregationTerritory', value)}
              allowDeselect={false}
            />
            <Select
              label={t('catalogue.fields.reportedLevel')}
              description={t('catalogue.reportedLevelHint')}
              data={reportedLevelOptions}
              value={form.reportedLevel ?? 'leaf'}
              onChange={(value) => value && set('reportedLevel', value)}
              allowDeselect={false}
              error={fieldError('reportedLevel')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('catalogue.fields.allowsNegative')}
            checked={form.allowsNegative ?? false}
            onChange={(event) => set('allowsNegative', event.currentTarget.checked)}
          />
          <CatalogueFormFooter
            isEditing={element !== null}
            isActive={form.isActive}
            onActiveChange={(active) => set('isActive', active)}
            onCancel={onClose}
            isPending={mutation.isPending}
            canSubmit={isComplete}
          />
        </Stack>
      </form>
      {element ? (
        <>
          <Divider my="lg" />
          <ValueBoundsSection element={element} canManage />
        </>
      ) : null}
    </Modal>
  );
}
