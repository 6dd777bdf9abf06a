import { useState, type FormEvent } from 'react';
import { Modal, Select, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  importances,
  ruleOperators,
  type CreateValidationRuleRequest,
  type ValidationRule,
} from '#shared/contracts/catalogue.contract';
import { periodTypes } from '#shared/domain/period';
import { ErrorAlert } from '#web/ui/ErrorAlert';
import { useFieldError } from '#web/ui/useFieldError';
import { isCatalogueCode } from '../form-rules';
import { useCreateValidationRule, useUpdateValidationRule } from '../hooks/useCatalogue';
import { FormulaInput } from './FormulaInput';
import { CatalogueFormFooter } from './CatalogueFormFooter';
import { CatalogueIdentityFields } from './CatalogueIdentityFields';
import { emptyName, isNameFilled, trimmedName } from './LocalisedNameFields';

type ValidationRuleFormModalProps = {
  /** The rule to edit, or null to add one. */
  rule: ValidationRule | null;
  onClose: () => void;
};

type FormState = Required<CreateValidationRuleRequest> & { isActive: boolean };

/** Operators by name, so the choice reads as a sentence ("is at most"). */
const operatorKeys = { '<': 'lt', '<=': 'le', '=': 'eq', '!=': 'ne', '>=': 'ge', '>': 'gt' } as const;

/**
 * Adds or edits a validation rule "left side operator right side" (e.g. persons prosecuted ≤ 3 × drug crimes),
 * both sides checked as formulas while they are typed.
 */
export function ValidationRuleFormModal({ rule, onClose }: ValidationRuleFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateValidationRule();
  const update = useUpdateValidationRule();
  const mutation = rule ? update : create;
  const fieldError = useFieldError(mutation.error);
  const [form, setForm] = useState<FormState>({
    code: rule?.code ?? '',
    name: rule?.name ?? emptyName,
    description: rule?.description ?? '',
    leftSide: rule?.leftSide ?? '',
    operator: rule?.operator ?? '<=',
    rightSide: rule?.rightSide ?? '',
    importance: rule?.importance ?? 'medium',
    periodType: rule?.periodType ?? 'month',
    isActive: rule?.isActive ?? true,
  });
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((state) => ({ ...state, [key]: value }));

  const isCodeValid = isCatalogueCode(form.code);
  const isComplete =
    (rule !== null || isCodeValid) &&
    isNameFilled(form.name) &&
    form.leftSide.trim() !== '' &&
    form.rightSide.trim() !== '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      name: trimmedName(form.name),
      description: form.description.trim(),
      leftSide: form.leftSide,
      operator: form.operator,
      rightSide: form.rightSide,
      importance: form.importance,
      periodType: form.periodType,
    };
    const done = () => {
      notifications.show({
        color: 'teal',
        message: rule ? t('catalogue.rules.saved') : t('catalogue.rules.created', { code: form.code }),
      });
      onClose();
    };
    if (rule)
      update.mutate({ id: rule.id, request: { ...common, isActive: form.isActive } }, { onSuccess: done });
    else create.mutate({ ...common, code: form.code }, { onSuccess: done });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={rule ? t('catalogue.rules.editTitle', { code: rule.code }) : t('catalogue.rules.addTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          <CatalogueIdentityFields
            isNew={rule === null}
            value={form}
            onChange={(patch) => setForm((state) => ({ ...state, ...patch }))}
            fieldError={fieldError}
          />
          <FormulaInput
            label={t('catalogue.fields.leftSide')}
            value={form.leftSide}
            onChange={(value) => set('leftSide', value)}
            indicatorCode={null}
            error={fieldError('leftSide')}
            testId="left-side-check"
          />
          <Select
            label={t('catalogue.fields.operator')}
            data={ruleOperators.map((value) => ({
              value,
              label: `${value}  ${t(`catalogue.operators.${operatorKeys[value]}`)}`,
            }))}
            value={form.operator}
            onChange={(value) => value && set('operator', value)}
            allowDeselect={false}
            w={320}
            error={fieldError('operator')}
          />
          <FormulaInput
            label={t('catalogue.fields.rightSide')}
            value={form.rightSide}
            onChange={(value) => set('rightSide', value)}
            indicatorCode={null}
            error={fieldError('rightSide')}
            testId="right-side-check"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalogue.fields.importance')}
              data={importances.map((value) => ({ value, label: t(`catalogue.importances.${value}`) }))}
              value={form.importance}
              onChange={(value) => value && set('importance', value)}
              allowDeselect={false}
            />
            <Select
              label={t('catalogue.fields.periodType')}
              data={periodTypes.map((value) => ({ value, label: t(`catalogue.periodTypes.${value}`) }))}
              value={form.periodType}
              onChange={(value) => value && set('periodType', value)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <CatalogueFormFooter
            isEditing={rule !== null}
            isActive={form.isActive}
            onActiveChange={(active) => set('isActive', active)}
            onCancel={onClose}
            isPending={mutation.isPending}
            canSubmit={isComplete}
          />
        </Stack>
      </form>
    </Modal>
  );
}
