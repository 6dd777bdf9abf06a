import { defineMessages } from './message';

/**
 * Names of the units (src/shared/domain/unit.ts) as written after a figure's name or in a "unit" column:
 * "Drug crimes (cases)", «Наркопреступления (случаи)», «Баңги кылмыштары (учур)».
 */
export const unitMessages = defineMessages({
  'unit.cases': { ky: 'учур', ru: 'случаи', en: 'cases' },
  'unit.persons': { ky: 'адам', ru: 'человек', en: 'persons' },
  'unit.events': { ky: 'иш-чара', ru: 'мероприятия', en: 'events' },
  'unit.plants': { ky: 'өсүмдүк', ru: 'растения', en: 'plants' },
  'unit.laboratories': { ky: 'лаборатория', ru: 'лаборатории', en: 'laboratories' },
  'unit.items': { ky: 'даана', ru: 'шт.', en: 'items' },
  'unit.kg': { ky: 'кг', ru: 'кг', en: 'kg' },
  'unit.g': { ky: 'г', ru: 'г', en: 'g' },
  'unit.tonnes': { ky: 'т', ru: 'т', en: 't' },
  'unit.litres': { ky: 'л', ru: 'л', en: 'l' },
  'unit.ha': { ky: 'га', ru: 'га', en: 'ha' },
  'unit.per_100k': { ky: '100 миң калкка', ru: 'на 100 тыс. населения', en: 'per 100,000 population' },
  'unit.per_1000': { ky: '1000 калкка', ru: 'на 1000 населения', en: 'per 1,000 population' },
  'unit.percent': { ky: '%', ru: '%', en: '%' },
});
