import { defineMessages } from './message';

/**
 * Problems of an uploaded value file (CSV, XLSX, a filled template) or a JSON value set, found while reading
 * it and resolving its codes. `column` and `expected` name file columns as they are written in the file;
 * `options` lists disaggregation keys; the flags named are the codes of `valueFlags` (data-values.contract).
 * What the write path refuses afterwards (scope, locks, value types) is said by the value.* messages.
 */
export const importMessages = defineMessages({
  'template.other_agency': {
    ky: 'Сиз башка ведомство үчүн маалымат бересиз.',
    ru: 'Вы представляете данные другого ведомства.',
    en: 'You report for another agency.',
  },
  'template.damaged': {
    ky: 'Шаблон бузулган же башка версиядан; жаңысын жүктөп алыңыз.',
    ru: 'Шаблон повреждён или от другой версии; скачайте новый.',
    en: 'The template is damaged or from another version; download a new one.',
  },
  'template.sheet_removed': {
    params: { sheet: 'text' },
    ky: '«{sheet}» барагы шаблондон өчүрүлгөн.',
    ru: 'Лист «{sheet}» удалён из шаблона.',
    en: 'The sheet "{sheet}" was removed from the template.',
  },
  'import.refused': {
    params: { count: 'count' },
    ky: 'Маалыматтарда {count, plural, one {# ката} other {# ката}} бар; эч нерсе импорттолгон жок.',
    ru: 'В данных {count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}; ничего не импортировано.',
    en: 'The data have {count, plural, one {# problem} other {# problems}}; nothing was imported.',
  },
  'import.unknown_column': {
    params: { column: 'text', expected: 'text' },
    ky: 'Белгисиз мамыча «{column}». Күтүлгөн мамычалар: {expected}.',
    ru: 'Неизвестный столбец «{column}». Ожидаются: {expected}.',
    en: 'Unknown column "{column}". Expected: {expected}.',
  },
  'import.missing_column': {
    params: { column: 'text' },
    ky: '«{column}» мамычасы жок.',
    ru: 'Нет столбца «{column}».',
    en: 'Missing column "{column}".',
  },
  'import.extra_cells': {
    ky: 'Саптагы уячалар мамычалардан көп.',
    ru: 'В строке больше ячеек, чем столбцов.',
    en: 'The row has more cells than there are columns.',
  },
  'import.no_values': {
    ky: 'Импорттоо үчүн бир да маани жок.',
    ru: 'Нет значений для импорта.',
    en: 'There are no values to import.',
  },
  'import.element_missing': {
    ky: 'Маалымат элементи көрсөтүлгөн эмес.',
    ru: 'Не указан элемент данных.',
    en: 'The data element is missing.',
  },
  'import.element_unknown': {
    params: { code: 'text' },
    ky: '«{code}» коду менен маалымат элементи жок.',
    ru: 'Нет элемента данных с кодом «{code}».',
    en: 'No data element has the code "{code}".',
  },
  'import.element_inactive': {
    params: { code: 'text' },
    ky: '«{code}» маалымат элементи мындан ары чогултулбайт.',
    ru: 'Элемент данных «{code}» больше не собирается.',
    en: 'The data element "{code}" is no longer collected.',
  },
  'import.territory_missing': {
    ky: 'Аймак көрсөтүлгөн эмес.',
    ru: 'Не указана территория.',
    en: 'The territory is missing.',
  },
  'import.territory_ambiguous': {
    params: { text: 'text', codes: 'text' },
    ky: '«{text}» деген аталыш бир нече аймакка туура келет; СОАТЕ кодун жазыңыз ({codes}).',
    ru: 'Название «{text}» подходит нескольким территориям; укажите код СОАТЕ ({codes}).',
    en: '"{text}" names several territories; use the SOATE code ({codes}).',
  },
  'import.territory_code_unknown': {
    params: { code: 'text' },
    ky: '{code} коду менен аймак жок.',
    ru: 'Нет территории с кодом {code}.',
    en: 'No territory has the code {code}.',
  },
  'import.territory_unknown': {
    params: { text: 'text' },
    ky: '«{text}» деген аталыш же код менен аймак жок.',
    ru: 'Нет территории с названием или кодом «{text}».',
    en: 'No territory is called or coded "{text}".',
  },
  'import.disaggregation_missing': {
    params: { code: 'text', options: 'text' },
    ky: '«{code}» бөлүштүрүлөт; төмөнкүлөрдүн бирин жазыңыз: {options}.',
    ru: '«{code}» имеет разбивку; укажите одну из: {options}.',
    en: '"{code}" is disaggregated; give one of: {options}.',
  },
  'import.disaggregation_unknown': {
    params: { given: 'text', code: 'text', options: 'text' },
    ky: '«{given}» — «{code}» элементинин бөлүштүрүүсү эмес; төмөнкүлөрдүн бири күтүлөт: {options}.',
    ru: '«{given}» — не разбивка элемента «{code}»; ожидается одна из: {options}.',
    en: '"{given}" is not a disaggregation of "{code}"; expected one of: {options}.',
  },
  'import.not_disaggregated': {
    params: { given: 'text', code: 'text' },
    ky: '«{code}» бөлүштүрүлбөйт; «{given}» ордуна бөлүштүрүүнү бош калтырыңыз.',
    ru: '«{code}» не имеет разбивки; оставьте разбивку пустой вместо «{given}».',
    en: '"{code}" has no disaggregation; leave it empty instead of "{given}".',
  },
  'import.value_not_number': {
    params: { text: 'text' },
    ky: '«{text}» сан эмес.',
    ru: '«{text}» не число.',
    en: '"{text}" is not a number.',
  },
  'import.flag_invalid': {
    params: { text: 'text' },
    ky: '«{text}» белги эмес: бош калтырыңыз же estimated (баалоо) же provisional (алдын ала) деп жазыңыз.',
    ru: '«{text}» не отметка: оставьте пустым или укажите estimated (оценка) или provisional (предварительно).',
    en: '"{text}" is not a flag: leave it empty or write estimated or provisional.',
  },
  'import.comment_too_long': {
    params: { max: 'number' },
    ky: 'Комментарий {max} белгиден узун.',
    ru: 'Комментарий длиннее {max} символов.',
    en: 'The comment is longer than {max} characters.',
  },
  'import.duplicate_cell': {
    params: { row: 'number' },
    ky: '{row}-саптын кайталанышы: ушул эле уяча эки жолу жазылган.',
    ru: 'Повтор строки {row}: одна и та же ячейка встречается дважды.',
    en: 'Duplicate of row {row}: the same cell appears twice.',
  },
});
