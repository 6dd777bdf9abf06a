import type { Migration } from 'kysely';
import * as createFoundation from './202611241900_create_foundation';
import * as createIndicatorCatalogue from './202611242100_create_indicator_catalogue';
import * as createDataValues from './202611242200_create_data_values';
import * as addJobSchedules from './202611251000_add_job_schedules';
import * as indexValuesByTerritoryElement from './202612031200_index_values_by_territory_element';
import * as addChangeNotifications from './202612031800_add_change_notifications';
import * as normaliseUnitCodes from './202612031830_normalise_unit_codes';
import * as addElementReporting from './202612072100_add_element_reporting';
import * as addPopulationKindAndFlag from './202612072100_add_population_kind_and_flag';
import * as addDataValueTotals from './202612080100_add_data_value_totals';
import * as notifyPopulationChanges from './202612080110_notify_population_changes';

/** Every migration, by name. Names sort in the order they run; add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '202611241900_create_foundation': createFoundation,
  '202611242100_create_indicator_catalogue': createIndicatorCatalogue,
  '202611242200_create_data_values': createDataValues,
  '202611251000_add_job_schedules': addJobSchedules,
  '202612031200_index_values_by_territory_element': indexValuesByTerritoryElement,
  '202612031800_add_change_notifications': addChangeNotifications,
  '202612031830_normalise_unit_codes': normaliseUnitCodes,
  '202612072100_add_element_reporting': addElementReporting,
  '202612072100_add_population_kind_and_flag': addPopulationKindAndFlag,
  '202612080100_add_data_value_totals': addDataValueTotals,
  '202612080110_notify_population_changes': notifyPopulationChanges,
};
