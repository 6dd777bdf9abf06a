import { defineMessages } from './message';

/**
 * Why a formula (of a derived indicator or a side of a validation rule) is refused. `at` is the character the
 * problem starts at, counted from 1. Braces of `#{code}` are quoted ('{' '}') because ICU reads braces.
 */
export const formulaMessages = defineMessages({
  'formula.empty': {
    ky: 'Формула бош.',
    ru: 'Формула пуста.',
    en: 'The formula is empty.',
  },
  'formula.too_long': {
    params: { max: 'number' },
    ky: 'Формула өтө узун: эң көп дегенде {max} белги.',
    ru: 'Формула слишком длинная: не больше {max} символов.',
    en: 'The formula is too long: at most {max} characters.',
  },
  'formula.too_deep': {
    params: { at: 'number', max: 'number' },
    ky: '{at}-белгиде кашаалар өтө терең: эң көп дегенде {max} деңгээл.',
    ru: 'Слишком глубокая вложенность в позиции {at}: не больше {max} уровней.',
    en: 'Too deeply nested at character {at}: at most {max} levels.',
  },
  'formula.number_too_large': {
    params: { number: 'text', at: 'number' },
    ky: '{at}-белгидеги «{number}» саны өтө чоң.',
    ru: 'Число «{number}» в позиции {at} слишком большое.',
    en: 'The number "{number}" at character {at} is too large.',
  },
  'formula.brace_expected': {
    params: { at: 'number' },
    ky: `{at}-белгиде «#» белгисинен кийин «'{'» керек: шилтемени #'{'код'}' деп жазыңыз.`,
    ru: `В символе {at} после «#» нужна «'{'»: ссылка пишется как #'{'код'}'.`,
    en: `Expected "'{'" after "#" at character {at}: write a reference as #'{'code'}'.`,
  },
  'formula.reference_unclosed': {
    params: { at: 'number' },
    ky: `{at}-белгидеги шилтеме жабылган эмес: «'}'» керек.`,
    ru: `Ссылка в позиции {at} не закрыта: нужна «'}'».`,
    en: `Unclosed reference at character {at}: expected "'}'".`,
  },
  'formula.reference_empty': {
    params: { at: 'number' },
    ky: `{at}-белгидеги шилтеме бош: #'{' жана '}' ортосуна код жазыңыз.`,
    ru: `Пустая ссылка в позиции {at}: впишите код между #'{' и '}'.`,
    en: `Empty reference at character {at}: write a code between #'{' and '}'.`,
  },
  'formula.code_invalid': {
    params: { code: 'text', at: 'number' },
    ky: '{at}-белгидеги «{code}» коду туура эмес: код кичине латын тамгасы менен башталып, кичине тамгалардан, сандардан жана «_» белгисинен турат, бөлүктөрүнүн ортосунда «.» болот.',
    ru: 'Неверный код «{code}» в позиции {at}: код начинается со строчной латинской буквы и состоит из строчных букв, цифр и «_», части разделяются «.».',
    en: 'Invalid code "{code}" at character {at}: a code is lowercase letters, digits and "_", starting with a letter, with "." between parts.',
  },
  'formula.character_unexpected': {
    params: { char: 'text', at: 'number' },
    ky: '{at}-белгиде күтүлбөгөн «{char}» белгиси.',
    ru: 'Неожиданный символ «{char}» в позиции {at}.',
    en: 'Unexpected character "{char}" at character {at}.',
  },
  'formula.token_unexpected': {
    params: { token: 'message', at: 'number', hint: 'message' },
    ky: '{at}-белгиде күтүлбөгөн {token}: {hint}.',
    ru: 'Неожиданный элемент {token} в позиции {at}: {hint}.',
    en: 'Unexpected {token} at character {at}: {hint}.',
  },
  'formula.token.end': { ky: 'формуланын аягы', ru: '(конец формулы)', en: 'end of formula' },
  'formula.token.number': {
    params: { text: 'text' },
    ky: '«{text}» саны',
    ru: 'число «{text}»',
    en: 'number "{text}"',
  },
  'formula.token.reference': {
    params: { text: 'text' },
    ky: '«{text}» шилтемеси',
    ru: 'ссылка «{text}»',
    en: 'reference "{text}"',
  },
  'formula.token.symbol': { params: { text: 'text' }, ky: '«{text}»', ru: '«{text}»', en: '"{text}"' },
  'formula.hint.operand': {
    ky: `сан, #'{'код'}' шилтемеси же «(» керек`,
    ru: `ожидается число, ссылка #'{'код'}' или «(»`,
    en: `expected a number, a reference #'{'code'}' or "("`,
  },
  'formula.hint.operator_or_end': {
    ky: 'амал (+ - * /) же формуланын аягы керек',
    ru: 'ожидается знак действия (+ - * /) или конец формулы',
    en: 'expected an operator (+ - * /) or the end',
  },
  'formula.hint.no_open': {
    ky: 'ага туура келген «(» жок',
    ru: 'нет парной «(»',
    en: 'there is no matching "("',
  },
  'formula.hint.close': {
    params: { openAt: 'number' },
    ky: '{openAt}-белгидеги «(» кашаасын жабуучу «)» керек',
    ru: 'ожидается «)», закрывающая «(» в позиции {openAt}',
    en: 'expected ")" to close the "(" at character {openAt}',
  },
  'formula.internal': {
    params: { at: 'number' },
    ky: '{at}-белгиде формуланы талдоодо ички ката кетти.',
    ru: 'Внутренняя ошибка разбора формулы в позиции {at}.',
    en: 'Internal parser error at character {at}.',
  },
  'formula.code_unknown': {
    params: { code: 'text', at: 'number' },
    ky: '{at}-белгидеги «{code}» коду белгисиз.',
    ru: 'Неизвестный код «{code}» в позиции {at}.',
    en: 'Unknown code "{code}" at character {at}.',
  },
  'formula.cycle': {
    params: { path: 'text' },
    ky: 'Тегерек шилтеме: {path}.',
    ru: 'Циклическая ссылка: {path}.',
    en: 'Circular reference: {path}.',
  },
  'formula.in_field': {
    params: { field: 'message', problem: 'message' },
    ky: '{field}: {problem}',
    ru: '{field}: {problem}',
    en: '{field}: {problem}',
  },
  'formula.field.formula': { ky: 'Формула', ru: 'Формула', en: 'Formula' },
  'formula.field.leftSide': {
    ky: 'Эреженин сол жагы',
    ru: 'Левая часть правила',
    en: 'Left side of the rule',
  },
  'formula.field.rightSide': {
    ky: 'Эреженин оң жагы',
    ru: 'Правая часть правила',
    en: 'Right side of the rule',
  },
});
