import type {
  SaveValueBoundRequest,
  ValueBound,
  ValueBoundList,
} from '#shared/contracts/data-values.contract';
import { api } from '#web/lib/api-client';

type OkResponse = { ok: true };

/** The min/max bounds of a data element: the general one (territoryId null) and any per territory. */
export async function listValueBounds(dataElementId: string): Promise<ValueBound[]> {
  return (await api.get<ValueBoundList>('/value-bounds', { dataElementId })).items;
}

/** Sets the bound of (element, territory or everywhere), replacing the one there was. */
export function saveValueBound(request: SaveValueBoundRequest): Promise<ValueBound> {
  return api.put<ValueBound>('/value-bounds', request);
}

export function deleteValueBound(id: string): Promise<OkResponse> {
  return api.delete<OkResponse>(`/value-bounds/${encodeURIComponent(id)}`);
}
