import { defineMessages } from './message';

/** Why one field of a request is not valid (the schema's verdict, per field), and upload mistakes. */
export const requestMessages = defineMessages({
  'request.unknown_field': {
    ky: 'Белгисиз талаа.',
    ru: 'Неизвестное поле.',
    en: 'Unknown field.',
  },
  'request.required': {
    ky: 'Бул талаа милдеттүү.',
    ru: 'Это поле обязательно.',
    en: 'This field is required.',
  },
  'request.too_short': {
    params: { limit: 'count' },
    ky: 'Жок дегенде {limit, plural, one {# белги} other {# белги}} болушу керек.',
    ru: 'Нужно не меньше {limit, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
    en: 'Must be at least {limit, plural, one {# character} other {# characters}} long.',
  },
  'request.too_long': {
    params: { limit: 'count' },
    ky: '{limit, plural, one {# белгиден} other {# белгиден}} ашпашы керек.',
    ru: 'Не больше {limit, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.',
    en: 'Must be at most {limit, plural, one {# character} other {# characters}} long.',
  },
  'request.too_small': {
    params: { limit: 'number' },
    ky: '{limit} же андан көп болушу керек.',
    ru: 'Должно быть не меньше {limit}.',
    en: 'Must be at least {limit}.',
  },
  'request.too_large': {
    params: { limit: 'number' },
    ky: '{limit} же андан аз болушу керек.',
    ru: 'Должно быть не больше {limit}.',
    en: 'Must be at most {limit}.',
  },
  'request.format': {
    ky: 'Жазылышы туура эмес.',
    ru: 'Неверный формат.',
    en: 'The format is wrong.',
  },
  'request.not_allowed_value': {
    ky: 'Уруксат берилген маанилердин бири эмес.',
    ru: 'Недопустимое значение.',
    en: 'Not one of the allowed values.',
  },
  'request.wrong_type': {
    ky: 'Маанинин түрү туура эмес.',
    ru: 'Неверный тип значения.',
    en: 'The value has the wrong type.',
  },
  'request.nul_character': {
    ky: 'Мааниде NUL белгиси (U+0000) болбошу керек.',
    ru: 'Значение не должно содержать символ NUL (U+0000).',
    en: 'The value must not contain the NUL character (U+0000).',
  },
  'request.invalid': {
    ky: 'Маани жараксыз.',
    ru: 'Недопустимое значение.',
    en: 'The value is not valid.',
  },
  'upload.multipart_required': {
    ky: 'Файлды multipart/form-data түрүндө «file» талаасында жөнөтүңүз.',
    ru: 'Отправьте файл как multipart/form-data в поле «file».',
    en: 'Upload the file as multipart/form-data in the field "file".',
  },
  'upload.file_field_missing': {
    ky: 'Файлды «file» талаасында жөнөтүңүз.',
    ru: 'Отправьте файл в поле «file».',
    en: 'Upload the file in the field "file".',
  },
  'upload.multipart_invalid': {
    ky: 'Жүктөлгөн файлды окуу мүмкүн болгон жок: сурам бузулган же толук эмес.',
    ru: 'Не удалось прочитать загрузку: запрос повреждён или оборван.',
    en: 'The upload is not valid multipart/form-data: the request is damaged or cut short.',
  },
  'upload.json_or_multipart': {
    ky: 'JSON (application/json) же файлдар үчүн multipart/form-data жөнөтүңүз.',
    ru: 'Отправьте JSON (application/json) или multipart/form-data для файлов.',
    en: 'Send JSON (application/json), or multipart/form-data for file uploads.',
  },
  'file.empty': {
    ky: 'Файл бош.',
    ru: 'Файл пуст.',
    en: 'The file is empty.',
  },
  'file.unpacks_too_large': {
    params: { limitMiB: 'number', maxEntries: 'number' },
    ky: 'Файл окулганга чейин четке кагылды: ачылганда ал {limitMiB} МиБдан ашат, {maxEntries} бөлүктөн көп камтыйт же шектүү түрдө өтө катуу кысылган. Маалыматты бир нече кичирээк файлга бөлүңүз.',
    ru: 'Файл отклонён до чтения: в распакованном виде он больше {limitMiB} МиБ, содержит больше {maxEntries} частей или сжат подозрительно сильно. Разделите данные на несколько файлов поменьше.',
    en: 'The file was refused before reading: unpacked, it is larger than {limitMiB} MiB, has more than {maxEntries} parts or is compressed suspiciously well. Split the data into several smaller files.',
  },
  'file.archive_damaged': {
    ky: 'Файл бузулган же .xlsx файлы эмес (zip архиви катары окулбайт).',
    ru: 'Файл повреждён или не является файлом .xlsx (не читается как zip-архив).',
    en: 'The file is damaged or not an .xlsx file (it cannot be read as a zip archive).',
  },
  'file.spreadsheet_unreadable': {
    ky: 'Электрондук таблицаны окуу мүмкүн болгон жок.',
    ru: 'Не удалось прочитать таблицу.',
    en: 'The spreadsheet could not be read.',
  },
  'file.no_worksheet': {
    ky: 'Электрондук таблицада бир да барак жок.',
    ru: 'В таблице нет ни одного листа.',
    en: 'The spreadsheet has no worksheet.',
  },
  'file.csv_not_utf8': {
    ky: 'CSV файлы UTF-8 текст эмес. Аны «CSV UTF-8» катары сактаңыз.',
    ru: 'CSV-файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8».',
    en: 'The CSV file is not UTF-8 text. Save it as "CSV UTF-8".',
  },
  'file.csv_unreadable': {
    ky: 'CSV файлын окуу мүмкүн болгон жок (тырмакчалар же бөлгүчтөр туура эмес).',
    ru: 'Не удалось прочитать CSV-файл (неверные кавычки или разделители).',
    en: 'The CSV file could not be read (wrong quotes or separators).',
  },
  'file.type_not_accepted': {
    ky: '.xlsx жана .csv файлдары гана кабыл алынат; таблицаны .xlsx катары сактаңыз.',
    ru: 'Принимаются только файлы .xlsx и .csv; сохраните таблицу как .xlsx.',
    en: 'Only .xlsx and .csv files are accepted; save the sheet as .xlsx.',
  },
  'system.not_ready': {
    ky: 'Маалымат базасы азырынча жооп бербей жатат.',
    ru: 'База данных пока не отвечает.',
    en: 'The database does not answer yet.',
  },
  'demo.last_month_future': {
    params: { latest: 'period' },
    ky: 'Демо маалыматтар акыркы толук айга чейин гана түзүлөт: {latest}.',
    ru: 'Демонстрационные данные создаются только до последнего полного месяца: {latest}.',
    en: 'Demo data run at most to the last complete month: {latest}.',
  },
  'demo.first_year_after_last': {
    params: { lastMonth: 'period' },
    ky: 'Биринчи жыл акыркы айдан ({lastMonth}) кийин болбошу керек.',
    ru: 'Первый год не может быть позже последнего месяца ({lastMonth}).',
    en: 'The first year cannot come after the last month ({lastMonth}).',
  },
});
