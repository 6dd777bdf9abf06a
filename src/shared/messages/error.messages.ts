import { defineMessages } from './message';

/**
 * The general sentence of every error code (src/shared/errors.ts), shown when a failure carries no more specific
 * message. Keys are `error.<CODE>`; NETWORK_ERROR and HTTP_ERROR are the web client's own.
 */
export const errorMessages = defineMessages({
  'error.VALIDATION_FAILED': {
    ky: 'Айрым талаалар туура эмес толтурулган.',
    ru: 'Некоторые поля заполнены неверно.',
    en: 'Some fields are not valid.',
  },
  'error.MALFORMED_JSON': {
    ky: 'Сурамды окуу мүмкүн болгон жок.',
    ru: 'Не удалось прочитать запрос.',
    en: 'The request could not be read.',
  },
  'error.UNSUPPORTED_MEDIA_TYPE': {
    ky: 'Мындай файл же маалымат түрү бул жерде кабыл алынбайт.',
    ru: 'Такой тип файла или данных здесь не принимается.',
    en: 'This type of file or content is not accepted here.',
  },
  'error.BODY_TOO_LARGE': {
    ky: 'Файл же сурам өтө чоң.',
    ru: 'Файл или запрос слишком большой.',
    en: 'The file or request is too large.',
  },
  'error.HEADERS_TOO_LARGE': {
    ky: 'Дарек же сурамдын баштары өтө узун.',
    ru: 'Адрес или заголовки запроса слишком длинные.',
    en: 'The address or the request headers are too long.',
  },
  'error.UNAUTHENTICATED': {
    ky: 'Улантуу үчүн системага кириңиз.',
    ru: 'Войдите в систему, чтобы продолжить.',
    en: 'Please sign in to continue.',
  },
  'error.SESSION_EXPIRED': {
    ky: 'Сеанстын мөөнөтү бүттү. Кайра кириңиз.',
    ru: 'Сеанс истёк. Войдите снова.',
    en: 'Your session has expired. Please sign in again.',
  },
  'error.INVALID_CREDENTIALS': {
    ky: 'Колдонуучунун аты же сырсөз туура эмес.',
    ru: 'Неверное имя пользователя или пароль.',
    en: 'The username or password is wrong.',
  },
  'error.ACCOUNT_LOCKED': {
    ky: 'Ийгиликсиз кирүү аракеттери өтө көп болду. Эсептик жазуу убактылуу бөгөттөлдү; кийинчерээк аракет кылыңыз.',
    ru: 'Слишком много неудачных попыток входа. Учётная запись временно заблокирована; попробуйте позже.',
    en: 'Too many failed sign-ins. The account is locked for a while; try again later.',
  },
  'error.ACCOUNT_DISABLED': {
    ky: 'Эсептик жазуу өчүрүлгөн. Администраторго кайрылыңыз.',
    ru: 'Учётная запись отключена. Обратитесь к администратору.',
    en: 'This account is disabled. Contact your administrator.',
  },
  'error.PASSWORD_CHANGE_REQUIRED': {
    ky: 'Адегенде өз сырсөзүңүздү коюңуз: ага чейин сырсөздү өзгөртүүгө же чыгууга гана болот.',
    ru: 'Сначала установите собственный пароль: до этого можно только сменить его или выйти.',
    en: 'Set your own password first: until then you can only change it or sign out.',
  },
  'error.PASSWORD_TOO_WEAK': {
    ky: 'Сырсөз өтө жөнөкөй.',
    ru: 'Пароль слишком простой.',
    en: 'The password is too weak.',
  },
  'error.CSRF_TOKEN_INVALID': {
    ky: 'Сеанстын коопсуздук токени эскирди. Баракты жаңылап, кайра аракет кылыңыз.',
    ru: 'Токен безопасности сеанса устарел. Обновите страницу и повторите.',
    en: 'Your session security token is no longer valid. Reload the page and try again.',
  },
  'error.FORBIDDEN': {
    ky: 'Бул аракетке укугуңуз жок.',
    ru: 'У вас нет прав на это действие.',
    en: 'You do not have permission to do this.',
  },
  'error.RATE_LIMITED': {
    ky: 'Аракеттер өтө көп. Бир аз күтүп, кайра аракет кылыңыз.',
    ru: 'Слишком много попыток. Подождите немного и повторите.',
    en: 'Too many attempts. Wait a moment and try again.',
  },
  'error.NOT_FOUND': {
    ky: 'Табылган жок.',
    ru: 'Не найдено.',
    en: 'Not found.',
  },
  'error.ROUTE_NOT_FOUND': {
    ky: 'Бул функция серверде жок.',
    ru: 'Эта функция недоступна на сервере.',
    en: 'This function is not available on the server.',
  },
  'error.METHOD_NOT_ALLOWED': {
    ky: 'Бул операцияга уруксат жок.',
    ru: 'Эта операция не разрешена.',
    en: 'This operation is not allowed.',
  },
  'error.CONFLICT': {
    ky: 'Маалыматты башка колдонуучу өзгөрттү. Баракты жаңылап, кайра аракет кылыңыз.',
    ru: 'Данные изменены другим пользователем. Обновите страницу и повторите.',
    en: 'The data was changed by someone else. Reload and try again.',
  },
  'error.USERNAME_TAKEN': {
    ky: 'Бул колдонуучу аты бош эмес.',
    ru: 'Это имя пользователя уже занято.',
    en: 'This username is already taken.',
  },
  'error.TERRITORY_CODE_TAKEN': {
    ky: 'Мындай коду бар аймак мурунтан эле бар.',
    ru: 'Территория с таким кодом уже существует.',
    en: 'A territory with this code already exists.',
  },
  'error.AGENCY_CODE_TAKEN': {
    ky: 'Мындай коду бар ведомство мурунтан эле бар.',
    ru: 'Ведомство с таким кодом уже существует.',
    en: 'An agency with this code already exists.',
  },
  'error.APPROVAL_STATE_INVALID': {
    ky: 'Бекитүүнүн азыркы абалында бул кадамды жасоого болбойт.',
    ru: 'Этот шаг невозможен в текущем состоянии утверждения.',
    en: 'This step is not possible in the current approval state.',
  },
  'error.DATA_ELEMENT_CODE_TAKEN': {
    ky: 'Бул код маалымат элементине же көрсөткүчкө мурунтан колдонулган.',
    ru: 'Этот код уже занят элементом данных или показателем.',
    en: 'This code is already used by a data element or an indicator.',
  },
  'error.INDICATOR_CODE_TAKEN': {
    ky: 'Бул код көрсөткүчкө же маалымат элементине мурунтан колдонулган.',
    ru: 'Этот код уже занят показателем или элементом данных.',
    en: 'This code is already used by an indicator or a data element.',
  },
  'error.VALIDATION_RULE_CODE_TAKEN': {
    ky: 'Мындай коддуу текшерүү эрежеси бар.',
    ru: 'Правило проверки с таким кодом уже существует.',
    en: 'A validation rule with this code already exists.',
  },
  'error.SCOPE_REQUIRED': {
    ky: 'Бул ролго жетүү чөйрөсү керек: ведомствону же аймакты тандаңыз.',
    ru: 'Для этой роли нужна область доступа: выберите ведомство или территорию.',
    en: 'This role needs a scope: choose an agency or a territory.',
  },
  'error.CANNOT_CHANGE_SELF': {
    ky: 'Өзүңүздү өчүрө албайсыз жана өзүңүздөн администратор ролун ала албайсыз.',
    ru: 'Нельзя отключить себя или снять с себя роль администратора.',
    en: 'You cannot disable yourself or remove your own administrator role.',
  },
  'error.IMPORT_INVALID': {
    ky: 'Файлда каталар бар; эч нерсе импорттолгон жок.',
    ru: 'В файле есть ошибки; ничего не импортировано.',
    en: 'The file has errors; nothing was imported.',
  },
  'error.FILE_UNREADABLE': {
    ky: 'Файлды окуу мүмкүн болгон жок. CSV же XLSX үлгүсүн колдонуңуз.',
    ru: 'Не удалось прочитать файл. Используйте шаблон CSV или XLSX.',
    en: 'The file could not be read. Use the CSV or XLSX template.',
  },
  'error.FILE_TOO_LARGE_UNPACKED': {
    ky: 'Файл ачылганда өтө чоң болот; ал окулбай четке кагылды.',
    ru: 'Файл слишком велик в распакованном виде; он отклонён без чтения.',
    en: 'The file unpacks to too much data; it was refused without being read.',
  },
  'error.NOT_READY': {
    ky: 'Кызмат иштей баштоодо. Бир аздан кийин кайра аракет кылыңыз.',
    ru: 'Сервис запускается. Повторите через минуту.',
    en: 'The service is starting. Try again in a moment.',
  },
  'error.JOB_FAILED': {
    ky: 'Жумуш сервердеги күтүлбөгөн катадан улам аткарылган жок.',
    ru: 'Задание не выполнено из-за непредвиденной ошибки на сервере.',
    en: 'The job failed because of an unexpected error on the server.',
  },
  'error.JOB_INTERRUPTED': {
    params: { attempts: 'count' },
    ky: 'Жумушту аткарган процесс ал бүткөнгө чейин токтоп калды ({attempts, plural, one {# аракет} other {# аракет}}).',
    ru: 'Процесс, выполнявший задание, остановился до его завершения ({attempts, plural, one {# попытка} few {# попытки} many {# попыток} other {# попытки}}).',
    en: 'The process running the job stopped before it finished ({attempts, plural, one {# attempt} other {# attempts}}).',
  },
  'error.JOB_UNKNOWN': {
    params: { name: 'text', version: 'number' },
    ky: 'Бир дагы иштетүүчү «{name}» (v{version}) жумушун билбейт.',
    ru: 'Ни один обработчик не знает задание «{name}» (v{version}).',
    en: 'No worker knows the job "{name}" (v{version}).',
  },
  'error.JOB_PAYLOAD_INVALID': {
    params: { name: 'text', version: 'number' },
    ky: '«{name}» (v{version}) жумушу анын иштетүүчүсү кабыл албаган маалыматтар менен кезекке коюлган.',
    ru: 'Задание «{name}» (v{version}) поставлено в очередь с данными, которые его обработчик не принимает.',
    en: 'The job "{name}" (v{version}) was queued with data its handler does not accept.',
  },
  'error.SCHEDULE_INVALID': {
    ky: 'Жадыбал туура эмес.',
    ru: 'Расписание задано неверно.',
    en: 'The schedule is not valid.',
  },
  'error.INTERNAL_ERROR': {
    ky: 'Серверде ката кетти.',
    ru: 'Ошибка на сервере.',
    en: 'Something went wrong on the server.',
  },
  'error.NETWORK_ERROR': {
    ky: 'Сервер жеткиликсиз. Тармакка туташууну текшериңиз.',
    ru: 'Сервер недоступен. Проверьте сетевое подключение.',
    en: 'The server cannot be reached. Check the network connection.',
  },
  'error.HTTP_ERROR': {
    ky: 'Сервер күтүлбөгөн жооп кайтарды.',
    ru: 'Сервер вернул неожиданный ответ.',
    en: 'The server returned an unexpected answer.',
  },
  'error.ELEMENT_HAS_VALUES': {
    ky: 'Бул маалымат элементинин маанилери бар; анын мезгилдүүлүгүн жана бөлүштүрүлүшүн өзгөртүүгө болбойт.',
    ru: 'По этому элементу данных уже есть значения; его периодичность и разбивку изменить нельзя.',
    en: 'This data element already has values; its period type and disaggregation cannot change.',
  },
  'error.LAST_ADMINISTRATOR': {
    ky: 'Бул акыркы активдүү администратор; адегенде башкасын кошуңуз.',
    ru: 'Это последний активный администратор; сначала добавьте другого.',
    en: 'This is the last active administrator; add another one first.',
  },
  'error.OUT_OF_SCOPE': {
    ky: 'Бул ведомство же аймак сиздин жоопкерчилик чөйрөңүздөн тышкары.',
    ru: 'Это ведомство или территория вне вашей зоны ответственности.',
    en: 'This agency or territory is outside your scope.',
  },
  'error.DATA_LOCKED': {
    ky: 'Бул көрсөткүчтөр бекитилген жана кулпуланган; адегенде аларды ачуу керек.',
    ru: 'Эти показатели утверждены и заблокированы; сначала их нужно разблокировать.',
    en: 'These figures are approved and locked; they must be unlocked first.',
  },
  'error.VALUE_INVALID': {
    ky: 'Бул маани ушул маалымат элементи үчүн жараксыз.',
    ru: 'Значение недопустимо для этого элемента данных.',
    en: 'The value is not valid for this data element.',
  },
  'error.NOT_REPORTED_HERE': {
    ky: 'Бул маалымат элементинин маанилери бул аймак үчүн киргизилбейт.',
    ru: 'Значения этого элемента данных не вводятся для этой территории.',
    en: 'Figures of this data element are not entered for this territory.',
  },
  'error.QUERY_TOO_LARGE': {
    ky: 'Сурам бир эле учурда өтө көп маанини камтыйт; азыраак аймак, мезгил же көрсөткүч тандаңыз.',
    ru: 'Запрос охватывает слишком много значений сразу; выберите меньше территорий, периодов или показателей.',
    en: 'The query asks for too many figures at once; choose fewer territories, periods or items.',
  },
});
