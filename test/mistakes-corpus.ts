// Mistaken derivations, each with the mistake a teacher would name: f, the learner's lines, the
// first wrong line and the mistake's id. Used by test/check.test.ts and measured by the bench.

export interface MistakenDerivation {
  readonly f: string;
  readonly lines: readonly string[];
  readonly firstWrong: number;
  readonly mistake: string;
}

const one = (mistake: string, rows: ReadonlyArray<readonly [string, string]>): MistakenDerivation[] =>
  rows.map(([f, line]) => ({ f, lines: [line], firstWrong: 0, mistake }));

export const MISTAKEN: readonly MistakenDerivation[] = [
  ...one('missing-inner-derivative', [
    ['sin(x^2)', 'cos(x^2)'], ['exp(3*x)', 'exp(3*x)'], ['log(x^2+1)', '1/(x^2+1)'], ['(2*x+1)^3', '3*(2*x+1)^2'],
    ['sqrt(1+x^2)', '1/(2*sqrt(1+x^2))'], ['cos(5*x)', '-sin(5*x)'], ['tan(x^3)', 'sec(x^3)^2'],
  ]),
  ...one('product-of-derivatives', [
    ['x^2*sin(x)', '2*x*cos(x)'], ['x*exp(x)', 'exp(x)'], ['x^3*log(x)', '3*x^2/x'], ['x^2*cos(x)', '-2*x*sin(x)'],
    ['x*sqrt(x)', '1/(2*sqrt(x))'], ['(x+1)*(x^2-1)', '2*x'],
  ]),
  ...one('quotient-sign', [
    ['x/(1+x)', '((1+x) + x)/(1+x)^2'], ['sin(x)/x', '(sin(x) - x*cos(x))/x^2'], ['x^2/(x+1)', '(x^2 - 2*x*(x+1))/(x+1)^2'],
    ['exp(x)/x', '(exp(x) - x*exp(x))/x^2'], ['log(x)/x', '(log(x) - 1)/x^2'], ['(x+1)/(x-1)', '((x+1) - (x-1))/(x-1)^2'],
  ]),
  ...one('quotient-denominator-not-squared', [
    ['x/(1+x)', '((1+x) - x)/(1+x)'], ['sin(x)/x', '(x*cos(x) - sin(x))/x'], ['x^2/(x+1)', '(2*x*(x+1) - x^2)/(x+1)'],
    ['exp(x)/x', '(x*exp(x) - exp(x))/x'], ['log(x)/x', '(1 - log(x))/x'], ['(x+1)/(x-1)', '((x-1) - (x+1))/(x-1)'],
  ]),
  ...one('power-not-reduced', [
    ['x^3', '3*x^3'], ['x^5', '5*x^5'], ['4*x^2', '8*x^2'], ['x^4 + x^2', '4*x^4 + 2*x'], ['x^7', '7*x^7'], ['x^3 + 1', '3*x^3'],
  ]),
  ...one('power-rule-on-exponential', [
    ['2^x', 'x*2^(x-1)'], ['3^x', 'x*3^(x-1)'], ['10^x', 'x*10^(x-1)'], ['5^x + x', 'x*5^(x-1) + 1'], ['3*2^x', '3*x*2^(x-1)'], ['7^x', 'x*7^(x-1)'],
  ]),
  ...one('exponential-as-power', [
    ['exp(x^2)', 'x^2*exp(x^2-1)'], ['exp(2*x)', '2*x*exp(2*x-1)'], ['exp(sin(x))', 'sin(x)*exp(sin(x)-1)'], ['e^(x^3)', 'x^3*e^(x^3-1)'],
    ['exp(x^2+1)', '(x^2+1)*exp(x^2)'], ['exp(-x^2)', '-x^2*exp(-x^2-1)'],
  ]),
  ...one('trig-sign', [
    ['cos(x)', 'sin(x)'], ['sin(x)', '-cos(x)'], ['cos(x) + x^2', 'sin(x) + 2*x'], ['3*sin(x)', '-3*cos(x)'], ['x + cos(x)', '1 + sin(x)'],
    ['sin(x) + cos(x)', 'cos(x) + sin(x)'],
  ]),
  ...one('constant-term-kept', [
    ['x^2 + 5', '2*x + 5'], ['x^3 + 2', '3*x^2 + 2'], ['sin(x) + 7', 'cos(x) + 7'], ['exp(x) + 1', 'exp(x) + 1'], ['4 + x', '4 + 1'], ['x^2 - 3', '2*x - 3'],
  ]),
  ...one('constant-factor-lost', [
    ['3*x^2', '2*x'], ['5*sin(x)', 'cos(x)'], ['2*exp(x)', 'exp(x)'], ['4*x^3', '3*x^2'], ['x^2/2', '2*x'], ['7*log(x)', '1/x'],
  ]),
  { f: 'x^2*exp(x)', lines: ['2*x*exp(x) + x^2*exp(x)', 'x*exp(x)*(2 - x)'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: 'x^3*sin(x)', lines: ['3*x^2*sin(x) + x^3*cos(x)', '3*x^2*sin(x)'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: 'x*log(x)', lines: ['log(x) + x*(1/x)', 'log(x) - 1'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: '(x+1)^2', lines: ['2*(x+1)', '2*x + 1'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: 'x^2*sin(x)', lines: ['2*x*sin(x) + x^2*cos(x)', '-2*x*sin(x) - x^2*cos(x)'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: 'exp(x)*sin(x)', lines: ['exp(x)*sin(x) + exp(x)*cos(x)', 'exp(x)*(sin(x) - cos(x))'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: 'x^2 + x', lines: ['2*x + 1', '2*x'], firstWrong: 1, mistake: 'algebra-slip' },
  { f: 'x/(x+1)', lines: ['((x+1) - x)/(x+1)^2', 'x/(x+1)^2'], firstWrong: 1, mistake: 'algebra-slip' },
];
