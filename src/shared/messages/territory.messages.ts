import { defineMessages } from './message';

/** Territories and their population: form checks and the problems of a population file. */
export const territoryMessages = defineMessages({
  'territory.parent_missing': {
    ky: 'Мындай жогорку аймак жок.',
    ru: 'Такой вышестоящей территории нет.',
    en: 'The parent territory does not exist.',
  },
  'territory.parent_level_invalid': {
    ky: 'Мындай аймакты тандалган жогорку аймактын ичине коюуга болбойт (мисалы, район облустун ичинде гана болот).',
    ru: 'Территорию такого уровня нельзя поместить в выбранную вышестоящую (например, район может входить только в область).',
    en: 'A territory of this level cannot be placed under the chosen parent (a district, for example, belongs to an oblast).',
  },
  'territory.iso_code_taken': {
    ky: 'Бул ISO код башка аймакка берилген.',
    ru: 'Этот код ISO уже есть у другой территории.',
    en: 'Another territory has this ISO code.',
  },
  'population.no_figure': {
    ky: 'Жок дегенде бир санды жазыңыз; жылды тазалоо үчүн аны өчүрүңүз.',
    ru: 'Укажите хотя бы одно число; чтобы очистить год, удалите его.',
    en: 'Give at least one figure; remove the year to clear it.',
  },
  'population.sexes_differ_from_total': {
    params: { sum: 'number', total: 'number' },
    ky: 'Эркектер менен аялдардын суммасы ({sum}) жалпы сандан ({total}) айырмаланат.',
    ru: 'Сумма мужчин и женщин ({sum}) не равна общей численности ({total}).',
    en: 'Men and women together ({sum}) differ from the total ({total}).',
  },
  'population.part_exceeds_total': {
    params: { column: 'message', value: 'number', total: 'number' },
    ky: '«{column}» ({value}) жалпы сандан ({total}) көп.',
    ru: '«{column}» ({value}) больше общей численности ({total}).',
    en: '"{column}" ({value}) exceeds the total ({total}).',
  },
  'population.column.total': { ky: 'Баары', ru: 'Всего', en: 'Total' },
  'population.column.male': { ky: 'Эркектер', ru: 'Мужчины', en: 'Men' },
  'population.column.female': { ky: 'Аялдар', ru: 'Женщины', en: 'Women' },
  'population.column.age_0_17': { ky: '0–17 жаш', ru: 'Возраст 0–17', en: 'Age 0–17' },
  'population.column.age_14_35': { ky: '14–35 жаш', ru: 'Возраст 14–35', en: 'Age 14–35' },
  'population.file_invalid': {
    params: { count: 'count' },
    ky: 'Файлда {count, plural, one {# ката} other {# ката}} бар; эч нерсе импорттолгон жок.',
    ru: 'В файле {count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}; ничего не импортировано.',
    en: 'The file has {count, plural, one {# problem} other {# problems}}; nothing was imported.',
  },
  'population.unknown_column': {
    params: { column: 'text', expected: 'text' },
    ky: 'Белгисиз мамыча «{column}». Күтүлгөн мамычалар: {expected}.',
    ru: 'Неизвестный столбец «{column}». Ожидаются: {expected}.',
    en: 'Unknown column "{column}". Expected: {expected}.',
  },
  'population.missing_column': {
    params: { column: 'text' },
    ky: '«{column}» мамычасы жок.',
    ru: 'Нет столбца «{column}».',
    en: 'Missing column "{column}".',
  },
  'population.no_rows': {
    ky: 'Файлда маалымат саптары жок.',
    ru: 'В файле нет строк с данными.',
    en: 'The file has no data rows.',
  },
  'population.extra_cells': {
    ky: 'Саптагы уячалар мамычалардан көп.',
    ru: 'В строке больше ячеек, чем столбцов.',
    en: 'The row has more cells than there are columns.',
  },
  'population.code_invalid': {
    params: { code: 'text' },
    ky: '«{code}» СОАТЕ коду эмес (8ден 14кө чейин сан).',
    ru: '«{code}» не код СОАТЕ (от 8 до 14 цифр).',
    en: '"{code}" is not a SOATE code (8 to 14 digits).',
  },
  'population.code_unknown': {
    params: { code: 'text' },
    ky: '{code} коду менен аймак жок.',
    ru: 'Нет территории с кодом {code}.',
    en: 'No territory has the code {code}.',
  },
  'population.year_invalid': {
    params: { year: 'text' },
    ky: '«{year}» жыл эмес.',
    ru: '«{year}» не год.',
    en: '"{year}" is not a year.',
  },
  'population.count_invalid': {
    params: { text: 'text' },
    ky: '«{text}» адамдардын бүтүн саны эмес.',
    ru: '«{text}» не целое число людей.',
    en: '"{text}" is not a whole number of people.',
  },
  'population.row_empty': {
    ky: 'Сапта бир да сан жок.',
    ru: 'В строке нет ни одного числа.',
    en: 'The row has no figure.',
  },
  'population.source_missing': {
    ky: 'Ар бир сандын булагы көрсөтүлүшү керек (жок дегенде 3 белги).',
    ru: 'У каждого числа должен быть источник (не короче 3 символов).',
    en: 'Every figure needs its source (at least 3 characters).',
  },
  'population.flag_invalid': {
    params: { text: 'text' },
    ky: '«{text}» «ооба» же «жок» эмес.',
    ru: '«{text}» не «да» и не «нет».',
    en: '"{text}" is not yes or no.',
  },
  'population.duplicate_row': {
    params: { row: 'number', code: 'text', year: 'text' },
    ky: '{row}-саптын кайталанышы: {code} {year} эки жолу жазылган.',
    ru: 'Повтор строки {row}: {code} {year} встречается дважды.',
    en: 'Duplicate of row {row}: {code} {year} appears twice.',
  },
  'population.kind_invalid': {
    params: { text: 'text' },
    ky: '«{text}» сандын түрү эмес: jan1 (1-январь) же census (эл каттоо күнү) болушу керек.',
    ru: '«{text}» не вид числа: нужно jan1 (на 1 января) или census (на день переписи).',
    en: '"{text}" is not a kind of figure: use jan1 (1 January) or census (census day).',
  },
  'population.doubt_invalid': {
    params: { text: 'text' },
    ky: '«{text}» белги эмес: бош калтырыңыз же conflict, doubtful, unverified деп жазыңыз.',
    ru: '«{text}» не отметка: оставьте пустым или укажите conflict, doubtful, unverified.',
    en: '"{text}" is not a flag: leave it empty or write conflict, doubtful or unverified.',
  },
  'population.reference_date_invalid': {
    params: { text: 'text', year: 'text' },
    ky: '«{text}» {year}-жылдын күнү эмес (ЖЖЖЖ-АА-КК; 1-январдагы сан үчүн {year}-01-01).',
    ru: '«{text}» не дата {year} года (ГГГГ-ММ-ДД; для числа на 1 января — {year}-01-01).',
    en: '"{text}" is not a date in {year} (YYYY-MM-DD; {year}-01-01 for a 1 January figure).',
  },
});
