import type { CreateAgencyRequest } from '#shared/contracts/agencies.contract';

/**
 * The agencies that report drug-situation figures in the Kyrgyz Republic (SPEC §1), loaded on first start.
 * Administrators edit them afterwards; names follow the agencies' own usage in the three languages.
 */
export const defaultAgencies: CreateAgencyRequest[] = [
  {
    code: 'MIA',
    name: {
      ky: 'Кыргыз Республикасынын Ички иштер министрлиги',
      ru: 'Министерство внутренних дел Кыргызской Республики',
      en: 'Ministry of Internal Affairs of the Kyrgyz Republic',
    },
    shortName: { ky: 'ИИМ', ru: 'МВД', en: 'MIA' },
  },
  {
    code: 'CNS',
    name: {
      ky: 'ИИМдин Баңгизаттарга каршы күрөшүү кызматы',
      ru: 'Служба по борьбе с незаконным оборотом наркотиков МВД',
      en: 'Counter Narcotics Service of the Ministry of Internal Affairs',
    },
    shortName: { ky: 'БККК', ru: 'СБНОН', en: 'CNS' },
  },
  {
    code: 'MOH',
    name: {
      ky: 'Кыргыз Республикасынын Саламаттык сактоо министрлиги',
      ru: 'Министерство здравоохранения Кыргызской Республики',
      en: 'Ministry of Health of the Kyrgyz Republic',
    },
    shortName: { ky: 'ССМ', ru: 'Минздрав', en: 'MoH' },
  },
  {
    code: 'MES',
    name: {
      ky: 'Кыргыз Республикасынын Агартуу министрлиги',
      ru: 'Министерство просвещения Кыргызской Республики',
      en: 'Ministry of Education of the Kyrgyz Republic',
    },
    shortName: { ky: 'АМ', ru: 'Минпросвещения', en: 'MoE' },
  },
  {
    code: 'PEN',
    name: { ky: 'Жаза аткаруу кызматы', ru: 'Служба исполнения наказаний', en: 'Penitentiary Service' },
    shortName: { ky: 'ЖАК', ru: 'СИН', en: 'Penitentiary' },
  },
  {
    code: 'CUS',
    name: {
      ky: 'Мамлекеттик бажы кызматы',
      ru: 'Государственная таможенная служба',
      en: 'State Customs Service',
    },
    shortName: { ky: 'МБК', ru: 'ГТС', en: 'Customs' },
  },
  {
    code: 'BGS',
    name: {
      ky: 'Улуттук коопсуздук мамлекеттик комитетинин Чек ара кызматы',
      ru: 'Пограничная служба Государственного комитета национальной безопасности',
      en: 'Border Guard Service of the State Committee for National Security',
    },
    shortName: { ky: 'ЧК', ru: 'ПС ГКНБ', en: 'Border Guard' },
  },
  {
    code: 'FES',
    name: {
      ky: 'Юстиция министрлигине караштуу Соттук-эксперттик кызмат',
      ru: 'Судебно-экспертная служба при Министерстве юстиции',
      en: 'Forensic Expert Service under the Ministry of Justice',
    },
    shortName: { ky: 'СЭК', ru: 'СЭС', en: 'Forensic Service' },
  },
  {
    code: 'GPO',
    name: {
      ky: 'Кыргыз Республикасынын Башкы прокуратурасы',
      ru: 'Генеральная прокуратура Кыргызской Республики',
      en: "General Prosecutor's Office of the Kyrgyz Republic",
    },
    shortName: { ky: 'БП', ru: 'ГП', en: 'GPO' },
  },
  {
    code: 'LSG',
    name: {
      ky: 'Жергиликтүү мамлекеттик администрациялар жана жергиликтүү өз алдынча башкаруу органдары',
      ru: 'Местные государственные администрации и органы местного самоуправления',
      en: 'Local state administrations and local self-government',
    },
    shortName: { ky: 'ЖМА/ЖӨБ', ru: 'МГА/ОМСУ', en: 'Local authorities' },
  },
];
