import type { Agency } from '#shared/contracts/agencies.contract';
import type { AgencyRow } from '#server/db/schema';

export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    code: row.code,
    name: { ky: row.nameKy, ru: row.nameRu, en: row.nameEn },
    shortName: { ky: row.shortKy, ru: row.shortRu, en: row.shortEn },
    isActive: row.isActive,
  };
}
