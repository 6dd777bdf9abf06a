import { defineMessages } from './message';

/** Why a value cannot be stored (the write path's newer refusals) and why a query is refused. */
export const valueMessages = defineMessages({
  'value.not_reported_here': {
    params: { code: 'text', territory: 'name', level: 'text' },
    ky: '«{code}» «{territory}» үчүн киргизилбейт: ал {level, select, leaf {райондор жана шаарлар (ичинде бөлүнүүсү жок аймактар) боюнча} country {бүткүл өлкө боюнча} oblast {облустар боюнча} city_republican {республикалык маанидеги шаарлар боюнча} district {райондор боюнча} city_oblast {облустук маанидеги шаарлар боюнча} other {башка деңгээлде}} берилет; калган аймактардын маанилери ошолордон эсептелет.',
    ru: '«{code}» не вводится для территории «{territory}»: значения представляются {level, select, leaf {по районам и городам (территориям без подразделений)} country {по стране в целом} oblast {по областям} city_republican {по городам республиканского значения} district {по районам} city_oblast {по городам областного значения} other {на другом уровне}}; значения остальных территорий получаются из них.',
    en: '{code} is not entered for {territory}: it is reported {level, select, leaf {by districts and cities (territories without subdivisions)} country {for the whole country} oblast {by oblast} city_republican {by city of republican significance} district {by district} city_oblast {by city of oblast significance} other {at another level}}, and the figures of other territories are worked out from those.',
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
  'explorer.too_large': {
    params: { cells: 'number', max: 'number' },
    ky: 'Сурам {cells} маани берет эле; бир жолу {max} ашпашы керек. Азыраак аймак, мезгил же көрсөткүч тандаңыз.',
    ru: 'Запрос дал бы {cells} значений; за один раз допускается не больше {max}. Выберите меньше территорий, периодов или показателей.',
    en: 'The query would give {cells} figures; at most {max} are allowed at once. Choose fewer territories, periods or items.',
  },
});
