import { Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocalisedName } from '#shared/contracts/common.contract';
import { isCatalogueCode } from '../form-rules';
import { LocalisedNameFields } from './LocalisedNameFields';

type Identity = { code: string; name: LocalisedName; description: string };

type CatalogueIdentityFieldsProps = {
  /** Whether the item is being created: only then may its code be typed. */
  isNew: boolean;
  value: Identity;
  onChange: (patch: Partial<Identity>) => void;
  /** The server's message for a field, when it named one. */
  fieldError: (field: string) => string | undefined;
};

/** Code, names in three languages and description: the fields every catalogue item starts with. */
export function CatalogueIdentityFields({
  isNew,
  value,
  onChange,
  fieldError,
}: CatalogueIdentityFieldsProps) {
  const { t } = useTranslation();
  const showsInvalidCode = isNew && value.code !== '' && !isCatalogueCode(value.code);
  return (
    <>
      <TextInput
        label={t('catalogue.fields.code')}
        description={isNew ? t('catalogue.codeHint') : t('catalogue.codeFixed')}
        value={value.code}
        onChange={(event) => onChange({ code: event.currentTarget.value.toLowerCase() })}
        disabled={!isNew}
        required={isNew}
        maxLength={64}
        w={320}
        error={fieldError('code') ?? (showsInvalidCode ? t('catalogue.codeInvalid') : undefined)}
      />
      <LocalisedNameFields
        label={t('catalogue.fields.name')}
        value={value.name}
        onChange={(name) => onChange({ name })}
        error={fieldError('name')}
      />
      <Textarea
        label={t('catalogue.fields.description')}
        value={value.description}
        onChange={(event) => onChange({ description: event.currentTarget.value })}
        autosize
        minRows={2}
        maxLength={4000}
      />
    </>
  );
}
