import type { DataValueStatus } from '#shared/contracts/demo.contract';
import { api } from '#web/lib/api-client';

/** How many values are stored and how many are synthetic demonstration data. */
export function getDataValueStatus(): Promise<DataValueStatus> {
  return api.get<DataValueStatus>('/data-values/status');
}
