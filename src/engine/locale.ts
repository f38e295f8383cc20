// The words a step and a derivation explain themselves in, in each supported language: rule titles
// keyed by the stable rule id, note templates by their English text, and the phrases of the text
// form. They live with Step and Derivation because `toText('zh')` and `explain('zh')` are theirs;
// the headings of a laid-out page are the presenters' (src/present/headings.ts). A missing entry is
// an error (and a failing test), never a silent fallback to English.

/** A language stepdiff can explain itself in. */
export type Locale = 'en' | 'zh';

export const LOCALES: readonly Locale[] = Object.freeze(['en', 'zh']);

/** The fixed phrases of a derivation's text form and explanations. */
export interface Phrases {
  readonly differentiate: string;
  /** The heading of a derivation of order `order` (2 for d²/dx²), with {x} for the variable. */
  readonly differentiateTimes: (order: number) => string;
  /** The heading of an implicit derivation, with {x} for the variable and {y} for the one that depends on it. */
  readonly differentiateImplicitly: string;
  readonly result: string;
  /** The heading of an evaluation, with {point} for "x = 0". */
  readonly evaluateAt: string;
  readonly value: string;
  readonly gradient: string;
  readonly hessian: string;
  readonly definition: string;
  readonly note: string;
  /** The colon after a label. */
  readonly colon: string;
  /** The words of a piecewise function's rows in LaTeX: "if " before a test, "otherwise" on the last. */
  readonly cases: { readonly if: string; readonly otherwise: string };
  readonly sentence: (title: string, note: string | undefined) => string;
}

const EN_ORDINALS = ['', '', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];
const ZH_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const EN: Phrases = {
  differentiate: 'Differentiate with respect to {x}',
  differentiateTimes: (order) =>
    order <= 1 ? EN.differentiate : `${EN_ORDINALS[order] ?? `Order ${order}`} derivative with respect to {x}`,
  differentiateImplicitly: 'Differentiate implicitly with respect to {x}, {y} a function of {x}',
  result: 'Result',
  evaluateAt: 'Evaluate at {point}',
  value: 'Value',
  gradient: 'Gradient',
  hessian: 'Hessian',
  definition: 'Definition',
  note: 'Note',
  colon: ': ',
  cases: { if: 'if ', otherwise: 'otherwise' },
  sentence: (title, note) => (note === undefined ? `${title}.` : `${title}: ${note}.`),
};

const ZH: Phrases = {
  differentiate: '对 {x} 求导',
  differentiateTimes: (order) => (order <= 1 ? ZH.differentiate : `对 {x} 求${ZH_NUMERALS[order] ?? String(order)}阶导数`),
  differentiateImplicitly: '对 {x} 隐函数求导（{y} 是 {x} 的函数）',
  result: '结果',
  evaluateAt: '在 {point} 处求值',
  value: '值',
  gradient: '梯度',
  hessian: '黑塞矩阵',
  definition: '定义',
  note: '注',
  colon: '：',
  cases: { if: '若 ', otherwise: '其他情况' },
  sentence: (title, note) => (note === undefined ? `${title}。` : `${title}：${note}。`),
};

const ZH_TITLES: Readonly<Record<string, string>> = {
  abs: '绝对值法则',
  'add-subtract': '分子加一个常数再减去它',
  cancel: '约去公因式',
  'clear-negative-exponential': '分子分母同乘以一个指数函数',
  chain: '链式法则',
  'change-of-base': '换底公式',
  collect: '整理',
  'collect-powers': '合并同底数幂',
  'combine-like-terms': '合并同类项',
  'common-denominator': '通分',
  constant: '常数法则',
  'constant-multiple': '常数倍法则',
  'defined-function': '经由已定义函数的链式法则',
  definition: '代入定义',
  difference: '差的法则',
  'distribute-power': '把幂分配到各因子',
  'divide-polynomials': '用多项式除法分解分子',
  'divide-through': '分子分母同除以分子',
  'double-angle': '二倍角公式',
  'drop-one': '去掉因子 1',
  'drop-zero': '去掉零项',
  'even-power-of-abs': '绝对值的偶次幂',
  expand: '展开乘积',
  exponential: '指数函数法则',
  factor: '提取公因式',
  'fold-constants': '数值计算',
  'general-power': '一般幂法则（对数求导法）',
  'group-terms': '把含公因式的项归在一起',
  hyperbolic: '双曲函数法则',
  'hyperbolic-definition': '双曲函数的定义',
  'inverse-hyperbolic': '反双曲函数法则',
  'inverse-trigonometric': '反三角函数法则',
  'known-values': '特殊值',
  'evaluate-at': '代入数值',
  'definition-value': '按定义求值',
  'log-of-exponential': '指数的对数',
  logarithm: '对数法则',
  'multiply-fractions': '分式相乘',
  'multiply-out': '展开多项式',
  negation: '常数倍法则（取负）',
  'negative-exponent': '负指数化为分式',
  'negative-power': '改写为负指数幂',
  'order-factors': '整理因子的顺序',
  'order-terms': '整理各项的顺序',
  'peel-factor': '分子除以分母的一个因子',
  power: '幂法则',
  'power-as-root': '半整数次幂写成根式',
  'power-of-root': '根式的幂',
  product: '乘积法则',
  pythagorean: '勾股恒等式',
  quotient: '商法则',
  recall: '使用上面求得的导数',
  reciprocal: '倒数法则',
  regroup: '去掉内层括号',
  root: '根式法则',
  'root-as-power': '根式改写为幂',
  'separate-factor': '把不参与运算的因子移到分式外',
  signs: '化简符号',
  'split-fraction': '拆分分式',
  substitute: '代回定义',
  'substitute-parts': '代入各部分的导数',
  sum: '和的法则',
  trigonometric: '三角函数法则',
  'trigonometric-quotient': '三角函数的商',
  'undefined-function': '未定义函数',
  'dependent-variable': '因变量',
  'error-function': '误差函数法则',
  sign: '符号函数法则',
  piecewise: '分段函数法则',
  kronecker: '克罗内克 δ',
  'sum-over-index': '对下标求和的求导法则',
  softmax: 'softmax 的定义',
  'solve-comparison': '把条件解成关于变量的不等式',
  'sign-of-abs': '一个数除以其绝对值等于其符号',
  'decide-case': '取条件成立的那一段',
  'sum-linearity': '拆分对下标的求和',
  'sum-factor': '把常数因子提到求和号外',
  'kronecker-sum': '用克罗内克 δ 化简求和',
  'softmax-fold': '写成 softmax',
  assumption: '使用假设',
  'absorb-minus': '把负号并入差式',
  'max-min': '最大值与最小值写成分段',
  'differentiate-both-sides': '两边同时求导',
  'expand-unknown': '展开含导数的项',
  'move-terms': '把含导数的项移到一边',
  'factor-unknown': '提取导数',
  'divide-by-coefficient': '两边除以导数的系数',
  'substitute-derivative': '代入上面求得的导数',
  variable: '变量法则',
};

const ZH_NOTES: Readonly<Record<string, string>> = {
  'u′: derivative of the numerator {e}': 'u′：分子 {e} 的导数',
  'v′: derivative of the denominator {e}': 'v′：分母 {e} 的导数',
  'u′: derivative of the first factor {e}': 'u′：第一个因子 {e} 的导数',
  'v′: derivative of the second factor {e}': 'v′：第二个因子 {e} 的导数',
  'Derivative of the factor {e}': '因子 {e} 的导数',
  'Outer derivative of {e}': '外层函数 {e} 的导数',
  'Inner derivative of {e}': '内层函数 {e} 的导数',
  'Derivative of {e}, from its definition': '由定义求 {e} 的导数',
  'Derivative of the first case, {e}': '第一种情形 {e} 的导数',
  'Derivative of the other case, {e}': '另一种情形 {e} 的导数',
  'Derivative of the exponent times the log of the base, {e}': '指数乘以底数的对数 {e} 的导数',
  'Derivative of {e}': '{e} 的导数',
  "{f}' is derived from its definition, with u = {u}": "{f}' 由其定义求得，其中 u = {u}",
  'assuming {c} ≠ 0': '假设 {c} ≠ 0',
  'both multiplied by {f}': '分子分母同乘以 {f}',
  'd/d{x} {f} = {g}': 'd/d{x} {f} = {g}',
  'drop the zero terms': '去掉零项',
  '{N} = {D} · {Q}': '{N} = {D} · {Q}',
  'drop the factors 1': '去掉因子 1',
  'simplify the signs': '化简符号',
  'c = {c} and v = {v}': 'c = {c}，v = {v}',
  'dividing by {N}, assuming {N} ≠ 0': '同除以 {N}，假设 {N} ≠ 0',
  'n = {n}': 'n = {n}',
  'one term for each of the {n} factors': '{n} 个因子各对应一项',
  'outer function {f}, inner function {u} = {g}': '外层函数 {f}，内层函数 {u} = {g}',
  'the constant factor {c} stays as it is': '常数因子 {c} 保持不变',
  'the derivative of a constant is 0': '常数的导数为 0',
  'u = {u} > 0 and v = {v}': 'u = {u} > 0，v = {v}',
  'u = {u} and v = {v}': 'u = {u}，v = {v}',
  '{D} − {N} = {c}': '{D} − {N} = {c}',
  '{body} is {call}': '{body} 即 {call}',
  '{c} does not depend on {x}, so it is a constant and its derivative is 0': '{c} 与 {x} 无关，是常数，导数为 0',
  '{f} is defined as {g}': '{f} 定义为 {g}',
  '{f} is not defined, so its derivative stays symbolic': '{f} 未定义，其导数保留为符号',
  '|{x}| is not differentiable at {x} = 0': '|{x}| 在 {x} = 0 处不可导',
  'The result could not be written in terms of {names}': '结果无法用 {names} 表示',
  'Unicode normalised to NFC': 'Unicode 已规范化为 NFC',
  '× read as *': '× 按 * 读取',
  '** read as ^': '** 按 ^ 读取',
  'LaTeX read as text': 'LaTeX 已转为文本读取',
  '· read as *': '· 按 * 读取',
  '÷ read as /': '÷ 按 / 读取',
  '− read as -': '− 按 - 读取',
  'mathematical letters read as plain letters': '数学字母按普通字母读取',
  '{x} = {a}': '{x} = {a}',
  '{y} is a function of {x}': '{y} 是 {x} 的函数',
  'each case differentiated where it holds: where {c}, and otherwise': '各分段在其成立处分别求导：{c} 处，以及其余处',
  '{f} is {g}': '{f} 即 {g}',
  'only the term {j} = {k} is left': '只剩 {j} = {k} 这一项',
  'the inner derivative of {g}, {dg}, is missing': '漏掉了内层 {g} 的导数 {dg}',
  "the derivative of {f} is not the product of its factors' derivatives: the product rule gives u'v + uv'": "{f} 的导数不是各因子导数之积：乘积法则给出 u'v + uv'",
  "in the quotient rule for {f} the numerator is u'v − uv'": "{f} 的商法则中分子是 u'v − uv'",
  'in the quotient rule for {f} the denominator is squared: {v}': '{f} 的商法则中分母要平方：{v}',
  'the power rule lowers the exponent of {f} by one': '幂法则要把 {f} 的指数减一',
  '{f} has the variable in its exponent: it is an exponential, not a power': '{f} 的指数中含变量：它是指数函数，不是幂函数',
  'the derivative of {f} is {f} times the derivative of its exponent: e^u is not a power of u': '{f} 的导数是 {f} 乘以其指数的导数：e^u 不是 u 的幂',
  "sin' = cos and cos' = −sin: the sign of the derivative of {f} is wrong": "sin' = cos，cos' = −sin：{f} 的导数符号错了",
  'the derivative of the constant {c} is 0': '常数 {c} 的导数为 0',
  'the constant factor of {f} stays in its derivative': '{f} 的常数因子在导数中保留',
  'the sign of the whole line changed': '整行的符号变了',
  'the sign of the term {t} changed': '项 {t} 的符号变了',
  'the term {t} was dropped': '漏掉了项 {t}',
  'line {n} is not equal to line {m}, which was right': '第 {n} 行与正确的第 {m} 行不相等',
  'assuming {a} = {b}': '假设 {a} = {b}',
  '{z} is {w} where their indices agree: δ is 1 there and 0 elsewhere': '下标相同时 {z} 就是 {w}：δ 在该处为 1，其余为 0',
  'Not differentiable at {point}: the function jumps there': '在 {point} 处不可导：函数在该处跳跃',
  'Differentiable at {point}: the derivative from either side is {v}': '在 {point} 处可导：两侧导数都是 {v}',
  'Not differentiable at {point}: the derivative from the left is {l}, from the right {r}': '在 {point} 处不可导：左导数为 {l}，右导数为 {r}',
  'Built-in definition used for {names}': '使用了 {names} 的内置定义',
  'Your definition of {name} replaces the built-in one': '你对 {name} 的定义取代了内置定义',
  'sign({x}) jumps at {x} = 0, where it has no derivative': 'sign({x}) 在 {x} = 0 处跳跃，该处没有导数',
  '{f} = {g}': '{f} = {g}',
  '{f} is not defined at {point}': '{f} 在 {point} 处无定义',
  'The derivative does not exist at {point}: it divides by zero there': '导数在 {point} 处不存在：该处出现除以零',
  'The derivative does not exist at {point}: {part} has no value there': '导数在 {point} 处不存在：{part} 在该处无值',
  'The derivative does not exist at {point}: it has no real value there': '导数在 {point} 处不存在：该处没有实数值',
  'The derivative does not exist at {point}: the derivation assumed {c} ≠ 0': '导数在 {point} 处不存在：推导中假设了 {c} ≠ 0',
};

/**
 * A note said of several places at once, with its one slot filled by the list of their values:
 * "the constant factors 3, 5 and 2 stay as they are", not the same sentence three times.
 */
const PLURALS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    'the constant factor {c} stays as it is': 'the constant factors {c} stay as they are',
    'n = {n}': 'n = {n} respectively',
    'the derivative of a constant is 0': 'the derivative of a constant is 0',
  },
  zh: {
    'the constant factor {c} stays as it is': '常数因子 {c} 保持不变',
    'n = {n}': 'n 分别为 {n}',
    'the derivative of a constant is 0': '常数的导数为 0',
  },
};

// The words of the rules' laws, which are LaTeX: each \text{…} of a law, as it is written there.
const ZH_LAW_WORDS: Readonly<Record<string, string>> = {
  [EN.cases.if]: ZH.cases.if,
  [EN.cases.otherwise]: ZH.cases.otherwise,
  'its definition': '其定义',
  body: '函数体',
  ' when ': '，当 ',
  ' is a constant': ' 为常数',
  ' where ': '，其中 ',
  ' holds': ' 成立',
  ' (assumed)': '（假设）',
};

/** A rule's law in `locale`: its \text{…} words translated. Throws when a translation is missing. */
export function lawIn(locale: Locale, law: string): string {
  if (locale === 'en' || !law.includes('\\text{')) return law;
  return law.replace(/\\text\{([^{}]*)\}/g, (_, words: string) => {
    const text = Object.hasOwn(ZH_LAW_WORDS, words) ? ZH_LAW_WORDS[words] : undefined;
    if (text === undefined) throw new Error(`missing ${locale} translation for the law's words "${words}"`);
    return `\\text{${text}}`;
  });
}

/** The template for a note said of several places, if it has one. */
export function pluralIn(locale: Locale, english: string): string | undefined {
  return Object.hasOwn(PLURALS[locale], english) ? PLURALS[locale][english] : undefined;
}

/** Several printed values as one list: "a, b and c", "a、b 和 c". */
export function listIn(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = locale === 'zh' ? ' 和 ' : ' and ';
  return `${items.slice(0, -1).join(locale === 'zh' ? '、' : ', ')}${and}${items[items.length - 1]!}`;
}

/** The fixed phrases of a locale. */
export function phrases(locale: Locale): Phrases {
  return locale === 'zh' ? ZH : EN;
}

/** A rule's title in `locale`; `english` is the rule's own title. Throws when a translation is missing. */
export function titleIn(locale: Locale, ruleId: string, english: string): string {
  if (locale === 'en') return english;
  const title = Object.hasOwn(ZH_TITLES, ruleId) ? ZH_TITLES[ruleId] : undefined;
  if (title === undefined) throw new Error(`missing ${locale} title for rule "${ruleId}"`);
  return title;
}

/** A note template in `locale`. Throws when a translation is missing. */
export function templateIn(locale: Locale, english: string): string {
  if (locale === 'en') return english;
  const text = Object.hasOwn(ZH_NOTES, english) ? ZH_NOTES[english] : undefined;
  if (text === undefined) throw new Error(`missing ${locale} translation for "${english}"`);
  return text;
}

/** Whether `value` names a supported locale. */
export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** The rule ids and note templates with a translation, for completeness tests. */
export const TRANSLATED = Object.freeze({ titles: Object.keys(ZH_TITLES), notes: Object.keys(ZH_NOTES), plurals: Object.keys(PLURALS.en) });
