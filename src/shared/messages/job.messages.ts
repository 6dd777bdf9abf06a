import { defineMessages } from './message';

/**
 * Names of background jobs (`job.<job name>`, the name a JobSpec registers) and the sentences a failed job
 * shows instead of raw server text.
 */
export const jobMessages = defineMessages({
  'job.territories.import-population': {
    ky: 'Калктын санын импорттоо',
    ru: 'Импорт численности населения',
    en: 'Population import',
  },
  'job.data-values.import-file': {
    ky: 'Файлдан маанилерди импорттоо',
    ru: 'Импорт значений из файла',
    en: 'Import of values from a file',
  },
  'job.data.seed-demo': {
    ky: 'Демонстрациялык маалыматтарды түзүү',
    ru: 'Создание демонстрационных данных',
    en: 'Generating demonstration data',
  },
  'job.failure.no_handler': {
    params: { name: 'text', version: 'number' },
    ky: 'Бул сервер «{name}» (v{version}) жумушун аткара албайт же анын маалыматтары туура эмес.',
    ru: 'Этот сервер не умеет выполнять задание «{name}» (v{version}), или его данные не соответствуют схеме.',
    en: 'This server cannot run the job "{name}" (v{version}), or its data do not match its schema.',
  },
  'job.failure.unexpected': {
    ky: 'Жумуш сервердеги күтүлбөгөн катадан улам токтоду.',
    ru: 'Задание прервано непредвиденной ошибкой на сервере.',
    en: 'The job stopped because of an unexpected error on the server.',
  },
});
