import { defineMessages } from './message';

/**
 * Why a value cannot be stored (every refusal of the write path, and why a text is not a period) and why a
 * query is refused.
 */
export const valueMessages = defineMessages({
  'value.not_reported_here': {
    params: { code: 'text', territory: 'name', level: 'text' },
    ky: '«{code}» «{territory}» үчүн киргизилбейт: ал {level, select, leaf {райондор жана шаарлар (ичинде бөлүнүүсү жок аймактар) боюнча} country {бүткүл өлкө боюнча} oblast {облустар боюнча} city_republican {республикалык маанидеги шаарлар боюнча} district {райондор боюнча} city_oblast {облустук маанидеги шаарлар боюнча} other {башка деңгээлде}} берилет; калган аймактардын маанилери ошолордон эсептелет.',
    ru: '«{code}» не вводится для территории «{territory}»: значения представляются {level, select, leaf {по районам и городам (территориям без подразделений)} country {по стране в целом} oblast {по областям} city_republican {по городам республиканского значения} district {по районам} city_oblast {по городам областного значения} other {на другом уровне}}; значения остальных территорий получаются из них.',
    en: '{code} is not entered for {territory}: it is reported {level, select, leaf {by districts and cities (territories without subdivisions)} country {for the whole country} oblast {by oblast} city_republican {by city of republican significance} district {by district} city_oblast {by city of oblast significance} other {at another level}}, and the figures of other territories are worked out from those.',
  },
  'value.element_unknown': {
    ky: 'Мындай маалымат элементи жок.',
    ru: 'Такого элемента данных нет.',
    en: 'There is no such data element.',
  },
  'value.element_inactive': {
    params: { code: 'text' },
    ky: '«{code}» маалымат элементи мындан ары чогултулбайт.',
    ru: 'Элемент данных «{code}» больше не собирается.',
    en: 'Data element {code} is inactive.',
  },
  'value.territory_unknown': {
    ky: 'Мындай аймак жок.',
    ru: 'Такой территории нет.',
    en: 'There is no such territory.',
  },
  'period.invalid': {
    params: { text: 'text', reason: 'text' },
    ky: '{reason, select, EMPTY {Мезгил көрсөтүлгөн эмес.} YEAR_OUT_OF_RANGE {«{text}» мезгил эмес: жыл 1000ден 9999га чейин болот.} MONTH_OUT_OF_RANGE {«{text}» мезгил эмес: ай 01ден 12ге чейин болот.} QUARTER_OUT_OF_RANGE {«{text}» мезгил эмес: чейрек 1ден 4кө чейин болот.} other {«{text}» мезгил эмес (ЖЖЖЖ, ЖЖЖЖ-АА же ЖЖЖЖQn түрүндө жазыңыз, мисалы 2024, 2024-03 же 2024Q1).}}',
    ru: '{reason, select, EMPTY {Период не указан.} YEAR_OUT_OF_RANGE {«{text}» не период: год должен быть от 1000 до 9999.} MONTH_OUT_OF_RANGE {«{text}» не период: месяц должен быть от 01 до 12.} QUARTER_OUT_OF_RANGE {«{text}» не период: квартал должен быть от 1 до 4.} other {«{text}» не период (ожидается ГГГГ, ГГГГ-ММ или ГГГГQn, например 2024, 2024-03 или 2024Q1).}}',
    en: '{reason, select, EMPTY {The period is empty.} YEAR_OUT_OF_RANGE {"{text}" is not a period: years run 1000–9999.} MONTH_OUT_OF_RANGE {"{text}" is not a period: months run 01–12.} QUARTER_OUT_OF_RANGE {"{text}" is not a period: quarters run 1–4.} other {"{text}" is not a period (expected YYYY, YYYY-MM or YYYYQn, e.g. 2024, 2024-03 or 2024Q1).}}',
  },
  'value.period_type_wrong': {
    params: { code: 'text', periodType: 'text', period: 'period', given: 'text' },
    ky: '«{code}» {periodType, select, month {ай сайын} quarter {чейрек сайын} other {жыл сайын}} берилет, ал эми {period} — {given, select, month {ай} quarter {чейрек} other {жыл}}.',
    ru: '«{code}» представляется {periodType, select, month {помесячно} quarter {поквартально} other {по годам}}, а {period} — {given, select, month {месяц} quarter {квартал} other {год}}.',
    en: '{code} is reported by {periodType, select, month {month} quarter {quarter} other {year}}; {period} is a {given, select, month {month} quarter {quarter} other {year}}.',
  },
  'value.disaggregation_missing': {
    params: { code: 'text', options: 'text' },
    ky: '«{code}» үчүн бөлүштүрүүнү көрсөтүңүз (мисалы: {options}…).',
    ru: 'Для «{code}» нужна разбивка (например: {options}…).',
    en: '{code} needs a disaggregation (one of {options}…).',
  },
  'value.disaggregation_unknown': {
    params: { given: 'text', code: 'text' },
    ky: '«{given}» — «{code}» элементинин бөлүштүрүүсү эмес.',
    ru: '«{given}» — не разбивка элемента «{code}».',
    en: '"{given}" is not a disaggregation of {code}.',
  },
  'value.not_finite': {
    ky: 'Маани чектүү сан эмес.',
    ru: 'Значение не является конечным числом.',
    en: 'The value is not a finite number.',
  },
  'value.not_whole': {
    params: { code: 'text', value: 'text' },
    ky: '«{code}» бүтүн сандар менен гана берилет; {value} бүтүн сан эмес.',
    ru: '«{code}» принимает только целые числа; {value} — не целое.',
    en: '{code} takes whole numbers; {value} is not one.',
  },
  'value.not_percentage': {
    params: { code: 'text', value: 'text' },
    ky: '«{code}» пайыз менен берилет (0–100); {value} бул чекте эмес.',
    ru: '«{code}» задаётся в процентах (0–100); {value} вне этих пределов.',
    en: '{code} is a percentage (0–100); {value} is not.',
  },
  'value.other_agency': {
    params: { code: 'text' },
    ky: '«{code}» башка ведомствого таандык.',
    ru: '«{code}» относится к другому ведомству.',
    en: '{code} belongs to another agency.',
  },
  'value.territory_out_of_scope': {
    params: { territory: 'name' },
    ky: '«{territory}» сиздин укугуңуздагы аймактарга кирбейт.',
    ru: 'Территория «{territory}» вне ваших полномочий.',
    en: '{territory} is outside your scope.',
  },
  'value.approved_locked': {
    params: { period: 'period' },
    ky: '{period} боюнча маалыматтар бекитилип, кулпуланган.',
    ru: 'Данные за {period} утверждены и заблокированы.',
    en: 'The figures of {period} are approved and locked.',
  },
  'value.submitted_locked': {
    params: { period: 'period' },
    ky: '{period} боюнча маалыматтар бекитүүгө тапшырылган; алар кайтарылгандан кийин гана өзгөртүлөт.',
    ru: 'Данные за {period} отправлены на утверждение; изменить их можно после возврата.',
    en: 'The figures of {period} are submitted for approval; they can be changed once returned.',
  },
  'value.same_cell_twice': {
    params: { row: 'number' },
    ky: 'Ушул эле уяча {row}-сапта коюлган.',
    ru: 'Эта же ячейка уже задана в строке {row}.',
    en: 'The same cell is already set in row {row}.',
  },
  'value.batch_refused': {
    params: { count: 'count' },
    ky: '{count, plural, one {# ката} other {# ката}} табылды; эч нерсе жазылган жок.',
    ru: '{count, plural, one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}; ничего не записано.',
    en: '{count, plural, one {# problem} other {# problems}}; nothing was written.',
  },
  'value.cell_out_of_scope': {
    ky: 'Бул маани сиздин укугуңуздан тышкары.',
    ru: 'Это значение вне ваших полномочий.',
    en: 'This value is outside your scope.',
  },
  'check.below_min': {
    params: { value: 'number', min: 'number' },
    ky: '{value} минимумдан ({min}) аз',
    ru: '{value} меньше минимума {min}',
    en: '{value} is below the minimum {min}',
  },
  'check.above_max': {
    params: { value: 'number', max: 'number' },
    ky: '{value} максимумдан ({max}) көп',
    ru: '{value} больше максимума {max}',
    en: '{value} is above the maximum {max}',
  },
  'check.rule_failed': {
    params: {
      rule: 'name',
      left: 'text',
      leftValue: 'number',
      operator: 'text',
      right: 'text',
      rightValue: 'number',
    },
    ky: '{rule}: «{left} {operator} {right}» шарты аткарылбайт ({left} = {leftValue}, {right} = {rightValue})',
    ru: '{rule}: условие «{left} {operator} {right}» не выполняется ({left} = {leftValue}, {right} = {rightValue})',
    en: '{rule}: {left} = {leftValue} is not {operator} {right} = {rightValue}',
  },
  'bound.limit_required': {
    ky: 'Минимумду, максимумду же экөөнү тең көрсөтүңүз.',
    ru: 'Укажите минимум, максимум или оба значения.',
    en: 'Give a minimum, a maximum or both.',
  },
  'bound.limit_not_finite': {
    params: { limit: 'text' },
    ky: '{limit, select, minValue {Минимум} other {Максимум}} чектүү сан болушу керек.',
    ru: '{limit, select, minValue {Минимум} other {Максимум}} должен быть конечным числом.',
    en: 'The {limit, select, minValue {minimum} other {maximum}} must be a finite number.',
  },
  'bound.min_above_max': {
    ky: 'Минимум максимумдан чоң.',
    ru: 'Минимум больше максимума.',
    en: 'The minimum is above the maximum.',
  },
  'template.nothing_for_period_type': {
    params: { agency: 'name', periodType: 'text' },
    ky: '{agency} {periodType, select, month {ай} quarter {чейрек} other {жыл}} боюнча эч нерсе бербейт; башка түрдөгү мезгилди тандаңыз.',
    ru: '{agency} ничего не представляет {periodType, select, month {помесячно} quarter {поквартально} other {по годам}}; выберите период другого вида.',
    en: '{agency} reports nothing by {periodType, select, month {month} quarter {quarter} other {year}}; choose a period of another type.',
  },
  'value.negative': {
    params: { code: 'text', value: 'text' },
    ky: '«{code}» терс сан боло албайт; {value} нөлдөн кичине.',
    ru: 'Значение «{code}» не может быть отрицательным; {value} меньше нуля.',
    en: '{code} cannot be negative; {value} is below zero.',
  },
  'value.too_large': {
    params: { value: 'text', max: 'number' },
    ky: '{value} өтө чоң: маани −{max} менен {max} ортосунда болушу керек.',
    ru: 'Значение {value} слишком велико: допускаются значения от −{max} до {max}.',
    en: '{value} is too large: a value must lie between −{max} and {max}.',
  },
  'value.period_too_late': {
    params: { period: 'period', last: 'date' },
    ky: '{period} мезгили өтө алыс: {last} чейин башталган мезгилдер гана кабыл алынат.',
    ru: 'Период {period} слишком далеко впереди: принимаются периоды, начинающиеся не позже {last}.',
    en: 'The period {period} is too far ahead: figures are accepted for periods starting up to {last}.',
  },
  'explorer.item_unknown': {
    params: { code: 'text' },
    ky: '«{code}» коду менен маалымат элементи да, көрсөткүч да жок.',
    ru: 'Нет ни элемента данных, ни показателя с кодом «{code}».',
    en: 'No data element or indicator has the code "{code}".',
  },
  'explorer.territory_unknown': {
    params: { id: 'text' },
    ky: '{id} идентификатору менен аймак жок.',
    ru: 'Нет территории с идентификатором {id}.',
    en: 'No territory has the id {id}.',
  },
  'explorer.category_unknown': {
    params: { code: 'text' },
    ky: '«{code}» коду менен категория жок.',
    ru: 'Нет категории с кодом «{code}».',
    en: 'No category has the code "{code}".',
  },
  'explorer.period_wrong_type': {
    params: { text: 'text', periodType: 'text' },
    ky: '«{text}» — {periodType, select, month {ай} quarter {чейрек} other {жыл}} эмес (сурамдын мезгил түрү).',
    ru: '«{text}» — не {periodType, select, month {месяц} quarter {квартал} other {год}} (вид периода запроса).',
    en: '"{text}" is not a {periodType, select, month {month} quarter {quarter} other {year}} (the period type of the query).',
  },
  'explorer.range_and_last': {
    ky: 'Же аралыкты (башы жана аягы), же акыркы N мезгилди көрсөтүңүз, экөөнү тең эмес.',
    ru: 'Укажите либо диапазон (начало и конец), либо последние N периодов, но не то и другое.',
    en: 'Give either a range (from, to) or the last N periods, not both.',
  },
  'explorer.range_required': {
    ky: 'Аралыкты (башы жана аягы) же акыркы N мезгилди көрсөтүңүз.',
    ru: 'Укажите диапазон (начало и конец) или последние N периодов.',
    en: 'Give a range (from and to) or the last N periods.',
  },
  'explorer.to_before_from': {
    params: { from: 'period', to: 'period' },
    ky: '{to} мезгили {from} мезгилинен мурун турат.',
    ru: '{to} раньше, чем {from}.',
    en: '{to} comes before {from}.',
  },
  'explorer.too_many_periods': {
    params: { count: 'number', max: 'number' },
    ky: '{count} мезгил суралды; бир жолу {max} ашпашы керек.',
    ru: 'Запрошено периодов: {count}; за один раз допускается не больше {max}.',
    en: '{count} periods asked for; at most {max} at once.',
  },
  'explorer.too_large': {
    params: { cells: 'number', max: 'number' },
    ky: 'Сурам {cells} маани берет эле; бир жолу {max} ашпашы керек. Азыраак аймак, мезгил же көрсөткүч тандаңыз.',
    ru: 'Запрос дал бы {cells} значений; за один раз допускается не больше {max}. Выберите меньше территорий, периодов или показателей.',
    en: 'The query would give {cells} figures; at most {max} are allowed at once. Choose fewer territories, periods or items.',
  },
});
