import { useState } from 'react';
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CatalogueToolbar } from './CatalogueToolbar';
import type { ValidationRule } from '#shared/contracts/catalogue.contract';
import { matchesText } from '../form-rules';
import { ValidationRuleFormModal } from './ValidationRuleFormModal';
import { ValidationRuleTable } from './ValidationRuleTable';

type ValidationRulesTabProps = { rules: ValidationRule[]; isLoading: boolean; canManage: boolean };

/** The validation rules tab: search, add and edit rules. */
export function ValidationRulesTab({ rules, isLoading, canManage }: ValidationRulesTabProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<ValidationRule | 'new' | null>(null);

  return (
    <>
      <CatalogueToolbar
        search={search}
        onSearch={setSearch}
        addLabel={canManage ? t('catalogue.rules.add') : null}
        onAdd={() => setEditing('new')}
      />
      <Paper withBorder radius="md" p="xs">
        <ValidationRuleTable
          rules={rules.filter((r) => matchesText(r, search))}
          isLoading={isLoading}
          canManage={canManage}
          onEdit={setEditing}
        />
      </Paper>
      {editing ? (
        <ValidationRuleFormModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
