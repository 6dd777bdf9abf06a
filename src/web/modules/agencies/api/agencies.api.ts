import type {
  Agency,
  AgencyList,
  CreateAgencyRequest,
  UpdateAgencyRequest,
} from '#shared/contracts/agencies.contract';
import { api } from '#web/lib/api-client';

/** All agencies, active and inactive. */
export function listAgencies(): Promise<AgencyList> {
  return api.get<AgencyList>('/agencies');
}

/** Adds an agency; AGENCY_CODE_TAKEN when the code exists. */
export function createAgency(request: CreateAgencyRequest): Promise<Agency> {
  return api.post<Agency>('/agencies', request);
}

/** Changes names or the active flag of an agency. */
export function updateAgency(id: string, request: UpdateAgencyRequest): Promise<Agency> {
  return api.patch<Agency>(`/agencies/${encodeURIComponent(id)}`, request);
}
