import { useMemo } from 'react';
import { localName } from '#web/lib/format';
import { useAgencies } from '#web/modules/agencies/hooks/useAgencies';
import { useLocale } from '#web/modules/preferences/hooks/useLanguage';
import { useTerritories } from '#web/modules/territories/hooks/useTerritories';

/** Names of agencies (short) and territories by id in the interface language, with select options. */
export function useNames() {
  const locale = useLocale();
  const agencies = useAgencies();
  const territories = useTerritories();
  return useMemo(() => {
    const agencyItems = agencies.data?.items ?? [];
    const territoryItems = territories.data?.items ?? [];
    const agencyNames = new Map(agencyItems.map((a) => [a.id, localName(a.shortName, locale)]));
    const territoryNames = new Map(territoryItems.map((x) => [x.id, localName(x.name, locale)]));
    return {
      agency: (id: string | undefined) => (id === undefined ? '' : (agencyNames.get(id) ?? id)),
      territory: (id: string | undefined) => (id === undefined ? '' : (territoryNames.get(id) ?? id)),
      agencyOptions: agencyItems.map((a) => ({ value: a.id, label: localName(a.shortName, locale) })),
      territoryOptions: territoryItems
        .filter((x) => x.level === 'country' || x.level === 'oblast' || x.level === 'city_republican')
        .map((x) => ({ value: x.id, label: localName(x.name, locale) })),
    };
  }, [agencies.data, territories.data, locale]);
}
