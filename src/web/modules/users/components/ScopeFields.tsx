import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { optionalScopeOfRole, requiredScopeOfRole, type Role } from '#shared/domain/access';
import { localName } from '#web/lib/format';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useTerritories } from '#web/modules/territories/hooks/useTerritories';

type ScopeFieldsProps = {
  role: Role;
  agencyId: string | null;
  territoryId: string | null;
  onAgencyChange: (id: string | null) => void;
  onTerritoryChange: (id: string | null) => void;
  /** The server's sentence for each select, when it refused one. */
  errors?: { agencyId?: string; territoryId?: string };
};

const levelIndent: Record<string, number> = {
  country: 0,
  oblast: 1,
  city_republican: 1,
  district: 2,
  city_oblast: 2,
};

/**
 * The scope selects of a role: the required one (an agency for agency officers, a territory for regional
 * officers) and the optional one that narrows it; nothing for roles without a scope.
 */
export function ScopeFields({
  role,
  agencyId,
  territoryId,
  onAgencyChange,
  onTerritoryChange,
  errors = {},
}: ScopeFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const required = requiredScopeOfRole(role);
  const optional = optionalScopeOfRole(role);
  const agencies = useAgencies();
  const territories = useTerritories();
  if (required === null) return null;

  const agencyOptions = (agencies.data?.items ?? [])
    .filter((agency) => agency.isActive || agency.id === agencyId)
    .map((agency) => ({
      value: agency.id,
      label: `${localName(agency.shortName, locale)} — ${localName(agency.name, locale)}`,
    }));
  const territoryOptions = (territories.data?.items ?? []).map((territory) => ({
    value: territory.id,
    label: `${'\u2003'.repeat(levelIndent[territory.level] ?? 0)}${localName(territory.name, locale)}`,
  }));

  const agencySelect = (isRequired: boolean) => (
    <Select
      key="agency"
      label={t('users.agency')}
      error={errors.agencyId}
      description={t(isRequired ? 'users.agencyHint' : 'users.agencyOptionalHint')}
      placeholder={t(isRequired ? 'users.chooseAgency' : 'users.anyAgency')}
      data={agencyOptions}
      value={agencyId}
      onChange={onAgencyChange}
      searchable
      clearable={!isRequired}
      required={isRequired}
      nothingFoundMessage={t('common.noResults')}
      disabled={agencies.isPending}
      comboboxProps={{ withinPortal: true }}
    />
  );
  const territorySelect = (isRequired: boolean) => (
    <Select
      key="territory"
      label={t('users.territory')}
      error={errors.territoryId}
      description={t(isRequired ? 'users.territoryHint' : 'users.territoryOptionalHint')}
      placeholder={t(isRequired ? 'users.chooseTerritory' : 'users.anyTerritory')}
      data={territoryOptions}
      value={territoryId}
      onChange={onTerritoryChange}
      searchable
      clearable={!isRequired}
      required={isRequired}
      nothingFoundMessage={t('common.noResults')}
      disabled={territories.isPending}
      maxDropdownHeight={320}
    />
  );

  return (
    <>
      {required === 'agency' ? agencySelect(true) : territorySelect(true)}
      {optional === 'agency' ? agencySelect(false) : null}
      {optional === 'territory' ? territorySelect(false) : null}
    </>
  );
}
