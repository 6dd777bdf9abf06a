import { defineMessages } from './message';

/**
 * Names of background jobs (`job.<job name>`, the name a JobSpec registers). A failed job's sentence is its
 * error code's message (`error.JOB_*` and the others in error.messages.ts).
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
  'job.auth.purge-expired-sessions': {
    ky: 'Мөөнөтү бүткөн сеанстарды тазалоо',
    ru: 'Удаление истёкших сеансов',
    en: 'Removing expired sessions',
  },
  'job.data.seed-demo': {
    ky: 'Демонстрациялык маалыматтарды түзүү',
    ru: 'Создание демонстрационных данных',
    en: 'Generating demonstration data',
  },
});
