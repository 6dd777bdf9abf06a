import type {
  EntryForm,
  EntryFormQuery,
  SaveValueRequest,
  SaveValueResponse,
  ValueHistory,
  ValueHistoryQuery,
} from '#shared/contracts/data-values.contract';
import { api } from '#web/lib/api-client';

/** The entry form of (agency, territory, period): elements, columns, values, checks, approval. */
export function getEntryForm(query: EntryFormQuery): Promise<EntryForm> {
  return api.get<EntryForm>('/entry-forms', query);
}

/** Sets, changes or clears (value null) one cell; returns the stored value and the form's checks. */
export function saveValue(request: SaveValueRequest): Promise<SaveValueResponse> {
  return api.put<SaveValueResponse>('/data-values', request);
}

/** A cell's changes, newest first. */
export function getValueHistory(query: ValueHistoryQuery): Promise<ValueHistory> {
  return api.get<ValueHistory>('/data-values/history', query);
}
