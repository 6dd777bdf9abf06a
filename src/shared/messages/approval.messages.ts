import { defineMessages } from './message';

/**
 * Why a step of the approval of a report (one agency, territory and period) is refused. `step` is submit,
 * approve, return or unlock; `current` is the report's state (draft, submitted, approved, returned), named
 * as the approval badge of the web names it.
 */
export const approvalMessages = defineMessages({
  'approval.step_not_allowed': {
    params: { step: 'text', current: 'text' },
    ky: '«{current, select, draft {Долбоор} submitted {Тапшырылды} approved {Бекитилди} other {Кайтарылды}}» абалындагы маалыматтарды {step, select, submit {бекитүүгө тапшырууга} approve {бекитүүгө} return {кайтарууга} other {кулпусун ачууга}} болбойт; бул {step, select, submit {«Долбоор» же «Кайтарылды»} unlock {«Бекитилди»} other {«Тапшырылды»}} абалынан гана мүмкүн.',
    ru: 'Данные в состоянии «{current, select, draft {Черновик} submitted {Представлено} approved {Утверждено} other {Возвращено}}» нельзя {step, select, submit {представить на утверждение} approve {утвердить} return {вернуть} other {разблокировать}}; это возможно только из состояния {step, select, submit {«Черновик» или «Возвращено»} unlock {«Утверждено»} other {«Представлено»}}.',
    en: 'Cannot {step} figures that are {current}; {step} is possible from {step, select, submit {draft or returned} unlock {approved} other {submitted}}.',
  },
  'approval.reason_required': {
    params: { step: 'text' },
    ky: '{step, select, return {Кайтаруунун} other {Кулпуну ачуунун}} себебин жазыңыз.',
    ru: 'Укажите причину, чтобы {step, select, return {вернуть} other {разблокировать}} данные.',
    en: 'A reason is required to {step}.',
  },
  'approval.reason_too_long': {
    params: { max: 'number' },
    ky: 'Себеп {max} белгиден узун.',
    ru: 'Причина длиннее {max} символов.',
    en: 'The reason is longer than {max} characters.',
  },
  'completeness.period_types_differ': {
    ky: '«Баштап» жана «Чейин» талааларындагы мезгилдер бир түрдө болушу керек.',
    ru: 'Периоды в полях «С» и «По» должны быть одного вида.',
    en: '"from" and "to" must be periods of the same type.',
  },
  'completeness.from_after_to': {
    ky: '«Баштап» талаасындагы мезгил «Чейин» талаасындагыдан кийин.',
    ru: 'Период в поле «С» позже периода в поле «По».',
    en: '"from" comes after "to".',
  },
  'completeness.too_many_periods': {
    params: { max: 'number' },
    ky: 'Бир жолу {max} мезгилден ашпашы керек.',
    ru: 'За один раз допускается не больше {max} периодов.',
    en: 'At most {max} periods at once.',
  },
  'approval.nothing_to_submit': {
    ky: 'Тапшыра турган эч нерсе жок: бул ведомство бул аймак жана мезгил боюнча азырынча бир да маани киргизе элек.',
    ru: 'Нечего представлять: у этого ведомства пока нет значений по этой территории и периоду.',
    en: 'Nothing to submit: this agency has no values for this territory and period yet.',
  },
});
