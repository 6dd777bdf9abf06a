import type {
  CreateDataElementRequest,
  CreateIndicatorRequest,
  CreateValidationRuleRequest,
} from '#shared/contracts/catalogue.contract';
import type { UnitCode } from '#shared/domain/unit';
import type { LocalisedName } from '#shared/contracts/common.contract';

type DefaultCategory = {
  code: string;
  name: LocalisedName;
  options: Array<{ code: string; name: LocalisedName }>;
};
type DefaultCombo = { code: string; name: LocalisedName; categories: string[] };
/** A data element as shipped: its agency and combination by code, resolved to ids when loaded. */
type DefaultDataElement = Omit<CreateDataElementRequest, 'agencyId' | 'categoryComboId'> & {
  agency: string;
  categoryCombo: string;
};

/** The day the shipped formulas apply from: the start of the demo and methodology series. */
const since = '2015-01-01';
const per100k: UnitCode = 'per_100k';

const categories: DefaultCategory[] = [
  {
    code: 'substance',
    name: { ky: 'Баңгизаттын түрү', ru: 'Вид наркотика', en: 'Substance' },
    options: [
      {
        code: 'cannabis',
        name: {
          ky: 'Каннабис (марихуана, гашиш)',
          ru: 'Каннабис (марихуана, гашиш)',
          en: 'Cannabis (marijuana, hashish)',
        },
      },
      { code: 'heroin', name: { ky: 'Героин', ru: 'Героин', en: 'Heroin' } },
      { code: 'opium', name: { ky: 'Апийим', ru: 'Опий', en: 'Opium' } },
      {
        code: 'synthetic',
        name: {
          ky: 'Синтетикалык баңгизаттар (жаңы психоактивдүү заттарды кошо)',
          ru: 'Синтетические наркотики (включая новые психоактивные вещества)',
          en: 'Synthetic drugs (incl. new psychoactive substances)',
        },
      },
      { code: 'cocaine', name: { ky: 'Кокаин', ru: 'Кокаин', en: 'Cocaine' } },
      { code: 'other', name: { ky: 'Башка баңгизаттар', ru: 'Прочие наркотики', en: 'Other drugs' } },
    ],
  },
  {
    code: 'sex',
    name: { ky: 'Жынысы', ru: 'Пол', en: 'Sex' },
    options: [
      { code: 'male', name: { ky: 'Эркек', ru: 'Мужской', en: 'Male' } },
      { code: 'female', name: { ky: 'Аял', ru: 'Женский', en: 'Female' } },
    ],
  },
  {
    // Provisional grouping, to be confirmed with the reporting agencies: minors, young adults, the rest.
    code: 'age_group',
    name: { ky: 'Жаш тобу', ru: 'Возрастная группа', en: 'Age group' },
    options: [
      { code: 'age_0_17', name: { ky: '0–17 жаш', ru: '0–17 лет', en: '0–17 years' } },
      { code: 'age_18_29', name: { ky: '18–29 жаш', ru: '18–29 лет', en: '18–29 years' } },
      {
        code: 'age_30_plus',
        name: { ky: '30 жаш жана андан улуу', ru: '30 лет и старше', en: '30 years and over' },
      },
    ],
  },
];

const categoryCombos: DefaultCombo[] = [
  {
    code: 'default',
    name: { ky: 'Бөлүштүрүүсүз', ru: 'Без разбивки', en: 'No disaggregation' },
    categories: [],
  },
  {
    code: 'substance',
    name: { ky: 'Баңгизаттын түрү боюнча', ru: 'По виду наркотика', en: 'By substance' },
    categories: ['substance'],
  },
  {
    code: 'sex_age',
    name: {
      ky: 'Жынысы жана жаш тобу боюнча',
      ru: 'По полу и возрастной группе',
      en: 'By sex and age group',
    },
    categories: ['sex', 'age_group'],
  },
];

/** Monthly counts of events, summed over time and territory, where more is worse. */
const monthlyCount = {
  valueType: 'integer',
  periodType: 'month',
  aggregationTime: 'sum',
  aggregationTerritory: 'sum',
  direction: 'higher_is_worse',
} as const;
/** Numbers of people registered at the end of a period: the last value over time, summed over territory. */
const monthlyStock = { ...monthlyCount, aggregationTime: 'last' } as const;
const monthlyActivity = { ...monthlyCount, direction: 'neutral' } as const;

const dataElements: DefaultDataElement[] = [
  {
    code: 'crimes_total',
    agency: 'GPO',
    categoryCombo: 'default',
    unit: 'cases',
    ...monthlyCount,
    name: {
      ky: 'Каттоого алынган кылмыштардын жалпы саны',
      ru: 'Всего зарегистрировано преступлений',
      en: 'All registered crimes',
    },
    description: 'Every crime entered in the Unified Register of Crimes and Misdemeanours in the period.',
  },
  {
    code: 'drug_crimes',
    agency: 'MIA',
    categoryCombo: 'substance',
    unit: 'cases',
    ...monthlyCount,
    name: {
      ky: 'Каттоого алынган баңгизат кылмыштары',
      ru: 'Зарегистрированные преступления, связанные с незаконным оборотом наркотиков',
      en: 'Registered drug-related crimes',
    },
    description:
      'Crimes related to illicit trafficking in narcotic drugs and psychotropic substances, by substance.',
  },
  {
    code: 'drug_offence_prosecuted',
    agency: 'MIA',
    categoryCombo: 'sex_age',
    unit: 'persons',
    ...monthlyCount,
    name: {
      ky: 'Баңгизат кылмыштары үчүн жазык жоопкерчилигине тартылган адамдар',
      ru: 'Лица, привлечённые к уголовной ответственности за наркопреступления',
      en: 'Persons prosecuted for drug offences',
    },
    description: '',
  },
  {
    code: 'crimes_under_intoxication',
    agency: 'MIA',
    categoryCombo: 'default',
    unit: 'cases',
    ...monthlyCount,
    name: {
      ky: 'Баңгизаттык мас абалында жасалган кылмыштар',
      ru: 'Преступления, совершённые в состоянии наркотического опьянения',
      en: 'Crimes committed under drug intoxication',
    },
    description: '',
  },
  {
    code: 'acute_poisonings',
    agency: 'MOH',
    categoryCombo: 'sex_age',
    unit: 'cases',
    ...monthlyCount,
    name: {
      ky: 'Баңгизаттардан курч уулануулар',
      ru: 'Острые отравления наркотическими веществами',
      en: 'Acute drug poisonings',
    },
    description: '',
  },
  {
    code: 'acute_poisonings_minors',
    agency: 'MOH',
    categoryCombo: 'default',
    unit: 'cases',
    ...monthlyCount,
    name: {
      ky: 'Жашы жете электердин баңгизаттардан курч уулануулары',
      ru: 'Острые отравления наркотическими веществами среди несовершеннолетних',
      en: 'Acute drug poisonings among minors',
    },
    description: 'Poisonings of persons aged 0–17.',
  },
  {
    code: 'drug_induced_deaths',
    agency: 'MOH',
    categoryCombo: 'sex_age',
    unit: 'persons',
    ...monthlyCount,
    name: {
      ky: 'Баңгизаттарды колдонуудан болгон өлүмдөр',
      ru: 'Смерти, связанные с употреблением наркотиков',
      en: 'Drug-induced deaths',
    },
    description: '',
  },
  {
    code: 'first_diagnoses',
    agency: 'MOH',
    categoryCombo: 'sex_age',
    unit: 'persons',
    ...monthlyCount,
    name: {
      ky: 'Баңгизатты колдонуудан келип чыккан бузулуулар биринчи жолу аныкталган адамдар',
      ru: 'Лица с впервые установленным диагнозом расстройства, связанного с употреблением наркотиков',
      en: 'First diagnoses of drug-use disorders',
    },
    description: '',
  },
  {
    code: 'persons_under_observation',
    agency: 'MOH',
    categoryCombo: 'sex_age',
    unit: 'persons',
    ...monthlyStock,
    name: {
      ky: 'Наркологиялык каттоодо турган адамдар',
      ru: 'Лица, состоящие на наркологическом учёте',
      en: 'Persons under observation for drug-use disorders',
    },
    description: 'Registered at the end of the period.',
  },
  {
    code: 'students_tested',
    agency: 'MES',
    categoryCombo: 'default',
    unit: 'persons',
    ...monthlyActivity,
    periodType: 'year',
    name: {
      ky: 'Социалдык-психологиялык тестирлөөдөн өткөн окуучулар',
      ru: 'Обучающиеся, прошедшие социально-психологическое тестирование',
      en: 'Students tested in social-psychological testing',
    },
    description: '',
  },
  {
    code: 'students_at_risk',
    agency: 'MES',
    categoryCombo: 'default',
    unit: 'persons',
    ...monthlyCount,
    periodType: 'year',
    name: {
      ky: 'Социалдык-психологиялык тестирлөөнүн жыйынтыгында тобокелдик тобуна кирген окуучулар',
      ru: 'Обучающиеся, отнесённые по результатам социально-психологического тестирования к группе риска',
      en: 'Students found at risk in social-psychological testing',
    },
    description: '',
  },
  {
    code: 'drugs_seized_kg',
    agency: 'CNS',
    categoryCombo: 'substance',
    unit: 'kg',
    ...monthlyActivity,
    valueType: 'number',
    name: {
      ky: 'Мыйзамсыз жүгүртүүдөн алынган баңгизаттар',
      ru: 'Изъято наркотиков из незаконного оборота',
      en: 'Drugs seized from illicit trafficking',
    },
    description: 'Seizures by the internal affairs bodies, in kilograms, by substance.',
  },
  {
    code: 'customs_seized_kg',
    agency: 'CUS',
    categoryCombo: 'substance',
    unit: 'kg',
    ...monthlyActivity,
    valueType: 'number',
    name: {
      ky: 'Бажы органдары тарабынан алынган баңгизаттар',
      ru: 'Изъято наркотиков таможенными органами',
      en: 'Drugs seized by customs',
    },
    description: '',
  },
  {
    code: 'border_seized_kg',
    agency: 'BGS',
    categoryCombo: 'substance',
    unit: 'kg',
    ...monthlyActivity,
    valueType: 'number',
    name: {
      ky: 'Чек ара кызматы тарабынан алынган баңгизаттар',
      ru: 'Изъято наркотиков пограничной службой',
      en: 'Drugs seized by the border service',
    },
    description: '',
  },
  {
    code: 'plants_destroyed',
    agency: 'CNS',
    categoryCombo: 'default',
    unit: 'plants',
    ...monthlyActivity,
    name: {
      ky: 'Жок кылынган баңгизат камтыган өсүмдүктөр',
      ru: 'Уничтожено наркосодержащих растений',
      en: 'Drug-containing plants destroyed',
    },
    description: '',
  },
  {
    code: 'area_eradicated_ha',
    agency: 'CNS',
    categoryCombo: 'default',
    unit: 'ha',
    ...monthlyActivity,
    valueType: 'number',
    name: {
      ky: 'Жок кылынган жапайы кара куурай өскөн аянт',
      ru: 'Площадь уничтоженных очагов дикорастущей конопли',
      en: 'Area of wild cannabis eradicated',
    },
    description: '',
  },
  {
    code: 'labs_dismantled',
    agency: 'CNS',
    categoryCombo: 'default',
    unit: 'laboratories',
    ...monthlyActivity,
    name: {
      ky: 'Жоюлган жашыруун баңгизат лабораториялары',
      ru: 'Ликвидировано подпольных нарколабораторий',
      en: 'Clandestine drug laboratories dismantled',
    },
    description: '',
  },
  {
    code: 'prevention_events',
    agency: 'MES',
    categoryCombo: 'default',
    unit: 'events',
    ...monthlyCount,
    direction: 'higher_is_better',
    name: {
      ky: 'Өткөрүлгөн алдын алуу иш-чаралары',
      ru: 'Проведено профилактических мероприятий',
      en: 'Prevention events held',
    },
    description: '',
  },
  {
    code: 'prevention_participants',
    agency: 'MES',
    categoryCombo: 'default',
    unit: 'persons',
    ...monthlyCount,
    direction: 'higher_is_better',
    name: {
      ky: 'Алдын алуу иш-чараларынын катышуучулары',
      ru: 'Участники профилактических мероприятий',
      en: 'Participants in prevention events',
    },
    description: '',
  },
  {
    code: 'prisoners_drug_offences',
    agency: 'PEN',
    categoryCombo: 'sex_age',
    unit: 'persons',
    ...monthlyStock,
    name: {
      ky: 'Баңгизат кылмыштары үчүн жаза өтөп жаткан адамдар',
      ru: 'Лица, отбывающие наказание за наркопреступления',
      en: 'Prisoners held for drug offences',
    },
    description: 'Held at the end of the period.',
  },
];

const rate = (
  code: string,
  name: LocalisedName,
  formula: string,
  unit: UnitCode = per100k,
): CreateIndicatorRequest => ({
  code,
  name,
  unit,
  direction: 'higher_is_worse',
  decimals: unit === per100k ? 1 : 2,
  formula,
  validFrom: since,
  description: '',
});

/** The derived indicators of the default methodology v1 (SPEC §2.3), each as version 1 from 2015-01-01. */
const indicators: CreateIndicatorRequest[] = [
  rate(
    'drug_crime_rate',
    {
      ky: '100 миң калкка баңгизат кылмыштары',
      ru: 'Наркопреступления на 100 тыс. населения',
      en: 'Drug crimes per 100,000 population',
    },
    '#{drug_crimes} / #{population.total} * 100000',
  ),
  rate(
    'drug_crime_share',
    {
      ky: 'Баңгизат кылмыштарынын бардык кылмыштардагы үлүшү',
      ru: 'Доля наркопреступлений среди всех преступлений',
      en: 'Share of drug crimes among all crimes',
    },
    '#{drug_crimes} / #{crimes_total} * 100',
    'percent',
  ),
  rate(
    'involvement_rate',
    {
      ky: 'Баңгизат кылмыштары үчүн жоопкерчиликке тартылгандар, 100 миң калкка (тартылуу)',
      ru: 'Лица, привлечённые за наркопреступления, на 100 тыс. населения (вовлечённость)',
      en: 'Persons prosecuted for drug offences per 100,000 population (involvement)',
    },
    '#{drug_offence_prosecuted} / #{population.total} * 100000',
  ),
  rate(
    'criminogenicity_rate',
    {
      ky: 'Баңгизаттык мас абалында жасалган кылмыштар, 100 миң калкка (криминогендүүлүк)',
      ru: 'Преступления в состоянии наркотического опьянения на 100 тыс. населения (криминогенность)',
      en: 'Crimes under drug intoxication per 100,000 population (criminogenicity)',
    },
    '#{crimes_under_intoxication} / #{population.total} * 100000',
  ),
  rate(
    'poisoning_rate',
    {
      ky: 'Баңгизаттардан курч уулануулар, 100 миң калкка',
      ru: 'Острые отравления наркотиками на 100 тыс. населения',
      en: 'Acute drug poisonings per 100,000 population',
    },
    '#{acute_poisonings} / #{population.total} * 100000',
  ),
  rate(
    'poisoning_minors_rate',
    {
      ky: 'Жашы жете электердин баңгизаттардан курч уулануулары, 0–17 жаштагы 100 миң балага',
      ru: 'Острые отравления наркотиками среди несовершеннолетних на 100 тыс. детей 0–17 лет',
      en: 'Acute drug poisonings among minors per 100,000 aged 0–17',
    },
    '#{acute_poisonings_minors} / #{population.age_0_17} * 100000',
  ),
  rate(
    'drug_death_rate',
    {
      ky: 'Баңгизаттардан болгон өлүмдөр, 100 миң калкка',
      ru: 'Смертность, связанная с употреблением наркотиков, на 100 тыс. населения',
      en: 'Drug-induced deaths per 100,000 population',
    },
    '#{drug_induced_deaths} / #{population.total} * 100000',
  ),
  rate(
    'first_diagnosis_rate',
    {
      ky: 'Баңгизатты колдонуудан келип чыккан бузулуулардын биринчи жолу аныкталышы, 100 миң калкка',
      ru: 'Первичная заболеваемость расстройствами, связанными с употреблением наркотиков, на 100 тыс. населения',
      en: 'First diagnoses of drug-use disorders per 100,000 population',
    },
    '#{first_diagnoses} / #{population.total} * 100000',
  ),
  rate(
    'prevalence_rate',
    {
      ky: 'Наркологиялык каттоодогу адамдар, 100 миң калкка (таралышы)',
      ru: 'Лица на наркологическом учёте на 100 тыс. населения (распространённость)',
      en: 'Persons under observation per 100,000 population (prevalence)',
    },
    '#{persons_under_observation} / #{population.total} * 100000',
  ),
  rate(
    'students_at_risk_share',
    {
      ky: 'Социалдык-психологиялык тестирлөөдө тобокелдик тобундагы окуучулардын үлүшү',
      ru: 'Доля обучающихся группы риска по результатам социально-психологического тестирования',
      en: 'Share of students at risk in social-psychological testing',
    },
    '#{students_at_risk} / #{students_tested} * 100',
    'percent',
  ),
  rate(
    'seizure_rate',
    {
      ky: 'Алынган баңгизаттар, 100 миң калкка кг',
      ru: 'Изъято наркотиков, кг на 100 тыс. населения',
      en: 'Kilograms of drugs seized per 100,000 population',
    },
    '(#{drugs_seized_kg} + #{customs_seized_kg} + #{border_seized_kg}) / #{population.total} * 100000',
  ),
];

/** Plausibility checks on what agencies report; an administrator tunes or disables them. */
const validationRules: CreateValidationRuleRequest[] = [
  {
    code: 'prosecuted_vs_drug_crimes',
    name: {
      ky: 'Жоопкерчиликке тартылгандар баңгизат кылмыштарынын үч эсесинен ашпайт',
      ru: 'Привлечённых к ответственности не больше трёх на одно наркопреступление',
      en: 'Persons prosecuted at most three times the drug crimes',
    },
    description:
      'More than three persons prosecuted per registered drug crime usually means a reporting error.',
    leftSide: '#{drug_offence_prosecuted}',
    operator: '<=',
    rightSide: '3 * #{drug_crimes}',
    importance: 'medium',
    periodType: 'month',
  },
  {
    code: 'students_at_risk_vs_tested',
    name: {
      ky: 'Тобокелдик тобундагы окуучулар тестирлөөдөн өткөндөрдөн ашпайт',
      ru: 'Обучающихся группы риска не больше, чем прошедших тестирование',
      en: 'Students at risk no more than students tested',
    },
    description: '',
    leftSide: '#{students_at_risk}',
    operator: '<=',
    rightSide: '#{students_tested}',
    importance: 'high',
    periodType: 'year',
  },
  {
    code: 'minor_poisonings_vs_all',
    name: {
      ky: 'Жашы жете электердин уулануулары бардык уулануулардан ашпайт',
      ru: 'Отравлений среди несовершеннолетних не больше, чем всех отравлений',
      en: 'Poisonings among minors no more than all poisonings',
    },
    description: '',
    leftSide: '#{acute_poisonings_minors}',
    operator: '<=',
    rightSide: '#{acute_poisonings}',
    importance: 'high',
    periodType: 'month',
  },
];

/**
 * The catalogue shipped with Kuzot and loaded on first start: disaggregation categories, the raw data elements by
 * reporting agency that the default methodology (SPEC §2.3) needs, its derived indicators and validation rules. Definitions only,
 * no figures. Units are short codes (`cases`, `persons`, `kg`, `per_100k`, `percent` …) the UI translates.
 */
export const defaultCatalogue = {
  categories,
  categoryCombos,
  dataElements,
  indicators,
  validationRules,
} as const;
