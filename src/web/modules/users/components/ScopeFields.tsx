import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { requiredScopeOfRole, type Role } from '#shared/domain/access';
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
};

const levelIndent: Record<string, number> = {
  country: 0,
  oblast: 1,
  city_republican: 1,
  district: 2,
  city_oblast: 2,
};

/** The agency select for agency officers, the territory select for regional officers, nothing otherwise. */
export function ScopeFields({
  role,
  agencyId,
  territoryId,
  onAgencyChange,
  onTerritoryChange,
}: ScopeFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const scope = requiredScopeOfRole(role);
  const agencies = useAgencies();
  const territories = useTerritories();

  if (scope === 'agency') {
    const options = (agencies.data?.items ?? [])
      .filter((agency) => agency.isActive || agency.id === agencyId)
      .map((agency) => ({
        value: agency.id,
        label: `${localName(agency.shortName, locale)} — ${localName(agency.name, locale)}`,
      }));
    return (
      <Select
        label={t('users.agency')}
        description={t('users.agencyHint')}
        placeholder={t('users.chooseAgency')}
        data={options}
        value={agencyId}
        onChange={onAgencyChange}
        searchable
        required
        nothingFoundMessage={t('common.noResults')}
        disabled={agencies.isPending}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }

  if (scope === 'territory') {
    const options = (territories.data?.items ?? []).map((territory) => ({
      value: territory.id,
      label: `${'\u2003'.repeat(levelIndent[territory.level] ?? 0)}${localName(territory.name, locale)}`,
    }));
    return (
      <Select
        label={t('users.territory')}
        description={t('users.territoryHint')}
        placeholder={t('users.chooseTerritory')}
        data={options}
        value={territoryId}
        onChange={onTerritoryChange}
        searchable
        required
        nothingFoundMessage={t('common.noResults')}
        disabled={territories.isPending}
        maxDropdownHeight={320}
      />
    );
  }

  return null;
}
