import { defineMessages } from './message';

/**
 * Outlier checks of a value against its own series, in the words of the officer who entered it. `season`
 * is the month (`m1`–`m12`) or quarter (`q1`–`q4`) the value is compared with in earlier years; `periodType`
 * is `month`, `quarter` or `year`; `low`–`high` is the range that would not have raised the warning.
 */

const forSeason = {
  ky: '{season, select, m1 {Январь айы} m2 {Февраль айы} m3 {Март айы} m4 {Апрель айы} m5 {Май айы} m6 {Июнь айы} m7 {Июль айы} m8 {Август айы} m9 {Сентябрь айы} m10 {Октябрь айы} m11 {Ноябрь айы} m12 {Декабрь айы} q1 {I чейрек} q2 {II чейрек} q3 {III чейрек} q4 {IV чейрек} other {Ушул мезгил}} үчүн',
  ru: 'для {season, select, m1 {января} m2 {февраля} m3 {марта} m4 {апреля} m5 {мая} m6 {июня} m7 {июля} m8 {августа} m9 {сентября} m10 {октября} m11 {ноября} m12 {декабря} q1 {I квартала} q2 {II квартала} q3 {III квартала} q4 {IV квартала} other {этого периода}}',
  en: 'for {season, select, m1 {January} m2 {February} m3 {March} m4 {April} m5 {May} m6 {June} m7 {July} m8 {August} m9 {September} m10 {October} m11 {November} m12 {December} q1 {the first quarter} q2 {the second quarter} q3 {the third quarter} q4 {the fourth quarter} other {this period}}',
};

const recently = {
  ky: 'акыркы {periodType, select, month {айларда} quarter {чейректерде} other {жылдарда}}',
  ru: 'в последние {periodType, select, month {месяцы} quarter {кварталы} other {годы}}',
  en: 'in recent {periodType, select, month {months} quarter {quarters} other {years}}',
};

const usually = {
  ky: '(көбүнчө {low}–{high})',
  ru: '(обычно {low}–{high})',
  en: '(usually {low}–{high})',
};

const figures = { value: 'number', expected: 'number', low: 'number', high: 'number' } as const;

export const outlierMessages = defineMessages({
  'outlier.higher_seasonal': {
    params: { ...figures, season: 'text' },
    ky: `${forSeason.ky} адаттагыдан кыйла жогору: {value}, адатта болжол менен {expected} ${usually.ky}.`,
    ru: `Намного выше обычного ${forSeason.ru}: {value} вместо примерно {expected} ${usually.ru}.`,
    en: `Much higher than usual ${forSeason.en}: {value} against about {expected} ${usually.en}.`,
  },
  'outlier.lower_seasonal': {
    params: { ...figures, season: 'text' },
    ky: `${forSeason.ky} адаттагыдан кыйла төмөн: {value}, адатта болжол менен {expected} ${usually.ky}.`,
    ru: `Намного ниже обычного ${forSeason.ru}: {value} вместо примерно {expected} ${usually.ru}.`,
    en: `Much lower than usual ${forSeason.en}: {value} against about {expected} ${usually.en}.`,
  },
  'outlier.higher': {
    params: { ...figures, periodType: 'text' },
    ky: `Адаттагыдан кыйла жогору: {value}, ${recently.ky} болжол менен {expected} ${usually.ky}.`,
    ru: `Намного выше обычного: {value} вместо примерно {expected} ${recently.ru} ${usually.ru}.`,
    en: `Much higher than usual: {value} against about {expected} ${recently.en} ${usually.en}.`,
  },
  'outlier.lower': {
    params: { ...figures, periodType: 'text' },
    ky: `Адаттагыдан кыйла төмөн: {value}, ${recently.ky} болжол менен {expected} ${usually.ky}.`,
    ru: `Намного ниже обычного: {value} вместо примерно {expected} ${recently.ru} ${usually.ru}.`,
    en: `Much lower than usual: {value} against about {expected} ${recently.en} ${usually.en}.`,
  },
  'outlier.first_value': {
    params: { value: 'number', count: 'count', periodType: 'text' },
    ky: 'Мурда дайыма нөл болгон жерде маани: {value}; мурунку {periodType, select, month {{count, plural, one {# айда} other {# айда}}} quarter {{count, plural, one {# чейректе} other {# чейректе}}} other {{count, plural, one {# жылда} other {# жылда}}}} бир да жок болчу.',
    ru: 'Значение там, где раньше всегда был ноль: {value}; в предыдущие {periodType, select, month {{count, plural, one {# месяц} few {# месяца} many {# месяцев} other {# месяца}}} quarter {{count, plural, one {# квартал} few {# квартала} many {# кварталов} other {# квартала}}} other {{count, plural, one {# год} few {# года} many {# лет} other {# года}}}} не было ни одного.',
    en: 'A value where there has always been none: {value}, after {periodType, select, month {{count, plural, one {# month} other {# months}}} quarter {{count, plural, one {# quarter} other {# quarters}}} other {{count, plural, one {# year} other {# years}}}} of zero.',
  },
});
