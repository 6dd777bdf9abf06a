import type {
  CreateTerritoryRequest,
  Population,
  PopulationImportAccepted,
  Territory,
  TerritoryDetail,
  TerritoryList,
  UpdateTerritoryRequest,
  UpsertPopulationRequest,
} from '#shared/contracts/territories.contract';
import { api, apiUrl } from '#web/lib/api-client';

/** Every territory, flat; the tree is built on the client. */
export function listTerritories(): Promise<TerritoryList> {
  return api.get<TerritoryList>('/territories');
}

/** One territory with ancestors (root first), children and population by year. */
export function getTerritory(id: string): Promise<TerritoryDetail> {
  return api.get<TerritoryDetail>(`/territories/${encodeURIComponent(id)}`);
}

/** Adds a territory under a parent; TERRITORY_CODE_TAKEN when the code exists. */
export function createTerritory(request: CreateTerritoryRequest): Promise<Territory> {
  return api.post<Territory>('/territories', request);
}

/** Changes codes, names, variants or notes of a territory (the SOATE code is fixed). */
export function updateTerritory(id: string, request: UpdateTerritoryRequest): Promise<Territory> {
  return api.patch<Territory>(`/territories/${encodeURIComponent(id)}`, request);
}

/** Creates or replaces one year's population figures; null figures stay missing. */
export function upsertPopulation(
  id: string,
  year: number,
  request: UpsertPopulationRequest,
): Promise<Population> {
  return api.put<Population>(`/territories/${encodeURIComponent(id)}/population/${year}`, request);
}

/** Removes one year's population figures of a territory. */
export function deletePopulation(id: string, year: number): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/territories/${encodeURIComponent(id)}/population/${year}`);
}

/** Uploads a CSV or XLSX file; the server validates every row before accepting it. */
export function importPopulation(file: File): Promise<PopulationImportAccepted> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<PopulationImportAccepted>('/population-imports', form);
}

/** Address of the empty import template. */
export function populationTemplateUrl(format: 'csv' | 'xlsx'): string {
  return apiUrl('/population-imports/template', { format });
}
