import { defineMessages } from './message';

/** Users, sign-in and passwords. */
export const accountMessages = defineMessages({
  'password.needs': {
    params: { problems: 'list' },
    ky: 'Сырсөзгө талаптар: {problems}.',
    ru: 'Требования к паролю: {problems}.',
    en: 'The password needs {problems}.',
  },
  'password.min_length': {
    params: { min: 'count' },
    ky: '{min, plural, other {жок дегенде # белги}}',
    ru: 'не меньше {min, plural, one {# символа} few {# символов} many {# символов} other {# символа}}',
    en: 'at least {min, plural, one {# character} other {# characters}}',
  },
  'password.distinct_characters': {
    params: { min: 'count' },
    ky: '{min, plural, other {жок дегенде # ар түрдүү белги}}',
    ru: 'не меньше {min, plural, one {# разного символа} few {# разных символов} many {# разных символов} other {# разного символа}}',
    en: 'at least {min, plural, one {# different character} other {# different characters}}',
  },
  'password.not_username': {
    ky: 'колдонуучунун аты кирбеши керек',
    ru: 'не содержать имя пользователя',
    en: 'no part equal to the username',
  },
  'password.current_wrong': {
    ky: 'Учурдагы сырсөз туура эмес.',
    ru: 'Текущий пароль указан неверно.',
    en: 'The current password is wrong.',
  },
  'user.agency_required': {
    ky: 'Ведомстводогу маалымат кызматкери бир ведомствого байланышы керек.',
    ru: 'Сотрудник ведомства по данным должен быть привязан к ведомству.',
    en: 'An agency data officer must be bound to an agency.',
  },
  'user.territory_required': {
    ky: 'Аймактык кызматкер бир аймакка байланышы керек.',
    ru: 'Региональный сотрудник должен быть привязан к территории.',
    en: 'A regional officer must be bound to a territory.',
  },
  'reference.agency_missing': {
    ky: 'Мындай ведомство жок.',
    ru: 'Такого ведомства нет.',
    en: 'There is no such agency.',
  },
  'reference.territory_missing': {
    ky: 'Мындай аймак жок.',
    ru: 'Такой территории нет.',
    en: 'There is no such territory.',
  },
  'reference.combo_missing': {
    ky: 'Мындай категориялар айкалышы жок.',
    ru: 'Такого сочетания категорий нет.',
    en: 'There is no such category combination.',
  },
  not_found: {
    params: { entity: 'text' },
    ky: '{entity, select, agency {Ведомство} category {Категория} data_element {Маалымат элементи} indicator {Көрсөткүч} job {Жумуш} population {Калктын саны} territory {Аймак} upload {Жүктөлгөн файл} user {Колдонуучу} validation_rule {Текшерүү эрежеси} value_bound {Чек} import {Импорт} schedule {Жадыбал} other {Объект}} табылган жок.',
    ru: '{entity, select, agency {Ведомство не найдено} category {Категория не найдена} data_element {Элемент данных не найден} indicator {Показатель не найден} job {Задание не найдено} population {Численность населения не найдена} territory {Территория не найдена} upload {Загруженный файл не найден} user {Пользователь не найден} validation_rule {Правило проверки не найдено} value_bound {Граница не найдена} import {Импорт не найден} schedule {Расписание не найдено} other {Объект не найден}}.',
    en: '{entity, select, agency {Agency} category {Category} data_element {Data element} indicator {Indicator} job {Job} population {Population figure} territory {Territory} upload {Upload} user {User} validation_rule {Validation rule} value_bound {Value bound} import {Import} schedule {Schedule} other {Object}} not found.',
  },
  'catalogue.element_has_values': {
    params: { code: 'text', what: 'text' },
    ky: '«{code}» маалымат элементинин маанилери бар; анын {what, select, period_type {мезгилдүүлүгүн} reported_level {берилүүчү деңгээлин} other {бөлүштүрүлүшүн}} өзгөртүүгө болбойт.',
    ru: 'По элементу данных «{code}» уже есть значения; {what, select, period_type {его периодичность} reported_level {его уровень представления} other {его разбивку}} изменить нельзя.',
    en: 'Data element "{code}" already has values; its {what, select, period_type {period type} reported_level {reporting level} other {disaggregation}} cannot change.',
  },
  'catalogue.version_too_early': {
    params: { version: 'number', from: 'date' },
    ky: 'Жаңы версия учурдагы {version}-версиядан ({from} баштап) кийин башталышы керек.',
    ru: 'Новая версия должна начинаться позже текущей (версия {version}, с {from}).',
    en: 'A new version must start after the current one (version {version}, from {from}).',
  },
});
