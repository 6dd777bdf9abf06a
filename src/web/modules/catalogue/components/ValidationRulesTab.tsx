import { useState } from 'react';
import { Button, Group, Paper, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
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
      <Group mb="md" gap="sm" align="flex-end" justify="space-between" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('catalogue.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 280 }}
        />
        {canManage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('catalogue.rules.add')}
          </Button>
        ) : null}
      </Group>
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
