import { defineMessages } from './message';

/**
 * What a rate's population rests on and why an explorer cell is empty (docs/POPULATION.md), and the header
 * and legend of explorer exports: one text for the web's tooltips and the files.
 */
export const populationMessages = defineMessages({
  'population.method.official': {
    ky: '1-январдагы расмий сан',
    ru: 'официальная численность на 1 января',
    en: 'official figure on 1 January',
  },
  'population.method.census': {
    ky: 'эл каттоо күнүндөгү сан, каттоо жылы үчүн колдонулат',
    ru: 'численность на день переписи, для года переписи',
    en: 'census-day count, used for its year',
  },
  'population.method.sum_of_children': {
    ky: 'курамындагы аймактардын расмий сандарынын суммасы',
    ru: 'сумма официальных данных входящих территорий',
    en: 'sum of the official figures of its parts',
  },
  'population.method.stored_estimate': {
    ky: 'баалоо: сан баалоо катары киргизилген',
    ru: 'оценка: число введено как оценочное',
    en: 'estimate: the figure was entered as an estimate',
  },
  'population.method.interpolated': {
    ky: 'баалоо: расмий сандардын ортосундагы сызыктуу интерполяция',
    ru: 'оценка: линейная интерполяция между официальными данными',
    en: 'estimate: interpolated between official figures',
  },
  'population.method.carried_forward': {
    ky: 'баалоо: акыркы белгилүү сан жогорку аймактын өсүшү менен алдыга жылдырылган',
    ru: 'оценка: последнее известное число перенесено вперёд по росту вышестоящей территории',
    en: "estimate: the latest figure carried forward with the parent territory's growth",
  },
  'population.method.carried_back': {
    ky: 'баалоо: эң алгачкы белгилүү сан жогорку аймактын өсүшү менен артка жылдырылган',
    ru: 'оценка: самое раннее известное число перенесено назад по росту вышестоящей территории',
    en: "estimate: the earliest figure carried back with the parent territory's growth",
  },
  'population.method.trend': {
    ky: 'баалоо: аймактын өзүнүн акыркы өсүшү уланган',
    ru: 'оценка: продолжен собственный недавний рост территории',
    en: "estimate: the territory's own latest growth carried on",
  },
  'population.method.sum_of_estimates': {
    ky: 'баалоо: курамындагы аймактардын суммасы, алардын айрымдары бааланган',
    ru: 'оценка: сумма входящих территорий, часть из них оценена',
    en: 'estimate: sum of its parts, some of them estimated',
  },
  'population.doubt.conflict': {
    ky: 'булактар бул сан боюнча дал келбейт',
    ru: 'источники расходятся в этом числе',
    en: 'sources disagree on this figure',
  },
  'population.doubt.doubtful': {
    ky: 'шектүү сан (туруктуу калк эмес болушу мүмкүн)',
    ru: 'сомнительное число (возможно, не постоянное население)',
    en: 'doubtful figure (may not be the resident population)',
  },
  'population.doubt.unverified': {
    ky: 'текшерилбеген сан (келип чыгышы аныкталган жок)',
    ru: 'непроверенное число (происхождение не установлено)',
    en: 'unverified figure (its origin could not be traced)',
  },
  'explorer.empty.no_value': {
    ky: 'маани берилген эмес',
    ru: 'значение не представлено',
    en: 'no value reported',
  },
  'explorer.empty.no_population': {
    ky: 'бул аймак жана жыл үчүн калктын саны жок',
    ru: 'нет численности населения для этой территории и года',
    en: 'no population figure for this territory and year',
  },
  'explorer.empty.zero_denominator': {
    ky: 'бөлүүчү нөлгө барабар',
    ru: 'знаменатель равен нулю',
    en: 'the denominator is zero',
  },
  'explorer.empty.no_formula': {
    ky: 'бул мезгилге формуланын бир да версиясы колдонулбайт',
    ru: 'ни одна версия формулы не действует в этот период',
    en: 'no formula version covers this period',
  },
  'explorer.empty.period_type': {
    ky: 'маалымат узунураак мезгил боюнча берилет',
    ru: 'данные собираются за более длинный период',
    en: 'reported by a longer period than the one shown',
  },
  'explorer.export.title': {
    ky: 'Kuzot: маалыматтарды изилдөө',
    ru: 'Kuzot: обзор данных',
    en: 'Kuzot: data explorer',
  },
  'explorer.export.items': {
    params: { list: 'list' },
    ky: 'Көрсөткүчтөр: {list}',
    ru: 'Показатели: {list}',
    en: 'Items: {list}',
  },
  'explorer.export.territories': {
    params: { list: 'list' },
    ky: 'Аймактар: {list}',
    ru: 'Территории: {list}',
    en: 'Territories: {list}',
  },
  'explorer.export.periods': {
    params: { from: 'period', to: 'period' },
    ky: 'Мезгилдер: {from} – {to}',
    ru: 'Периоды: {from} – {to}',
    en: 'Periods: {from} – {to}',
  },
  'explorer.export.data_date': {
    params: { period: 'period' },
    ky: 'Акыркы маалымат: {period}',
    ru: 'Последние данные: {period}',
    en: 'Latest data: {period}',
  },
  'explorer.export.no_data': {
    ky: 'Маалымат жок',
    ru: 'Данных нет',
    en: 'No data',
  },
  'explorer.export.exported_at': {
    params: { moment: 'datetime' },
    ky: 'Жүктөлүп алынган: {moment}',
    ru: 'Выгружено: {moment}',
    en: 'Exported: {moment}',
  },
  'explorer.export.approved_only': {
    ky: 'Бекитилген маанилер гана',
    ru: 'Только утверждённые значения',
    en: 'Approved values only',
  },
  'explorer.export.population_strict': {
    ky: 'Калкка карата көрсөткүчтөр расмий калк саны боюнча гана эсептелген; расмий сан жок жылдар бош.',
    ru: 'Показатели на численность населения — только по официальным данным; годы без них пусты.',
    en: 'Rates on population use official figures only; years without one are empty.',
  },
  'explorer.export.synthetic': {
    ky: 'Эскертүү: бул файлда демонстрация үчүн жасалган (синтетикалык) маалыматтар бар, чыныгы сандар эмес.',
    ru: 'Внимание: файл содержит синтетические демонстрационные данные, а не реальные цифры.',
    en: 'Note: this file contains synthetic demonstration data, not real figures.',
  },
  'explorer.export.legend_estimate': {
    params: { methods: 'list' },
    ky: '(e) калктын бааланган саны боюнча: {methods}',
    ru: '(e) по оценочной численности населения: {methods}',
    en: '(e) on an estimated population figure: {methods}',
  },
  'explorer.export.legend_flag': {
    params: { doubts: 'list' },
    ky: '(f) калктын белгиленген саны боюнча: {doubts}',
    ru: '(f) по численности населения с отметкой: {doubts}',
    en: '(f) on a flagged population figure: {doubts}',
  },
  'explorer.export.partial': {
    ky: 'толук эмес: айрым аймактар же мезгилдер маалымат берген жок',
    ru: 'неполные данные: часть территорий или периодов не отчиталась',
    en: 'partial: some territories or periods did not report',
  },
});
