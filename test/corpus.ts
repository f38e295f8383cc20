// The soundness corpus: every supported function, composition, the ML examples, and multi-variable
// inputs. Each entry: input, options for derive.

import type { DeriveOptions } from '../src/index.js';

export interface Case {
  readonly input: string;
  readonly options?: DeriveOptions;
}

const SIGMOID = 'σ(x) = 1/(1+exp(-x))';

export const CORPUS: readonly Case[] = [
  // powers, polynomials, roots
  { input: 'x^2' }, { input: 'x^3 - 2x + 1' }, { input: '3x^4/2' }, { input: 'x^-2' }, { input: 'x^(1/3)' },
  { input: 'pow(x, 3)' }, { input: 'sqrt(x)' }, { input: 'cbrt(x)' }, { input: 'nthRoot(x, 3)' },
  { input: 'nthRoot(x^2+1, 4)' }, { input: 'sqrt(1 - x^2)' }, { input: '(x-1)^2/2' }, { input: '0.5*x^2' },
  { input: '5' }, { input: '-x' }, { input: '-(x^2)' }, { input: 'pi*x' },
  // exponentials and logarithms
  { input: 'exp(x)' }, { input: 'exp(2x)' }, { input: 'e^x' }, { input: 'e^(x^2)' }, { input: '2^x' },
  { input: '2^(3x)' }, { input: 'pow(2, x)' }, { input: 'x^x' }, { input: 'x^sin(x)' }, { input: 'log(x)' },
  { input: 'ln(x)' }, { input: 'log(x, 2)' }, { input: 'log(x^2+1, 10)' }, { input: 'log(x, x+1)' },
  { input: 'log2(x)' }, { input: 'log10(x)' }, { input: 'log(1+exp(x))' }, { input: 'exp(-x^2/2)/sqrt(2 pi)' },
  { input: 'nthRoot(2, x)' },
  // trigonometric, hyperbolic and inverses
  { input: 'sin(x)' }, { input: 'cos(x)' }, { input: 'tan(x)' }, { input: 'sec(x)' }, { input: 'csc(x)' },
  { input: 'cot(x)' }, { input: 'asin(x)' }, { input: 'acos(x)' }, { input: 'atan(x)' }, { input: 'asec(x)' },
  { input: 'acsc(x)' }, { input: 'acot(x)' }, { input: 'sinh(x)' }, { input: 'cosh(x)' }, { input: 'tanh(x)' },
  { input: 'sech(x)' }, { input: 'csch(x)' }, { input: 'coth(x)' }, { input: 'asinh(x)' }, { input: 'acosh(x)' },
  { input: 'atanh(x)' }, { input: 'asech(x)' }, { input: 'acsch(x)' }, { input: 'acoth(x)' },
  { input: 'abs(x)' }, { input: 'abs(3x-1)' },
  // compositions, products, quotients
  { input: 'sin(x)*cos(x)/x' }, { input: 'exp(sin(x^2))' }, { input: 'sin(cos(tan(x)))' },
  { input: 'x*sin(x)*exp(x)' }, { input: '(x^2+1)/(x-3)' }, { input: '(1-x)/(1+x)^2' }, { input: 'atan(1/x)' },
  { input: 'tanh(2x+1)' }, { input: 'asin(x/2)' }, { input: 'acosh(x^2+1)' }, { input: 'atanh(x/3)' },
  { input: 'x/(1+x)' }, { input: 'sin(x)^2 + cos(x)^2' }, { input: 'log(sin(x)^2 + 2)' }, { input: 'sec(x^2)*csc(x)' },
  { input: 'sqrt(x)*log(x)/(1+x^2)' }, { input: 'abs(sin(x))' }, { input: 'cot(x)^3' },
  // machine learning
  { input: '1/(1+exp(-x))' }, { input: '1/(1+exp(-x))', options: { method: 'chain' } },
  { input: '1/(1+exp(-x))', options: { method: 'reciprocal' } }, { input: '1/(1+exp(-2x))' },
  { input: '(1+exp(-x))^-1' }, { input: 'log(1+exp(x))' }, { input: '(yhat-t)^2/2', options: { wrt: 'yhat' } },
  { input: '-(t*log(ŷ)+(1-t)*log(1-ŷ))', options: { wrt: 'ŷ' } },
  { input: '-(y*log(p)+(1-y)*log(1-p))', options: { wrt: 'p' } },
  { input: '-(t*log(σ(z))+(1-t)*log(1-σ(z)))', options: { wrt: 'z', define: [SIGMOID] } },
  { input: 'σ(x)', options: { define: [SIGMOID] } }, { input: 'σ(2x)*σ(-x)', options: { define: [SIGMOID] } },
  { input: 'softplus(x)^2', options: { define: ['softplus(x) = log(1+exp(x))'] } },
  { input: 'L(x, t)', options: { wrt: 'x', define: ['L(a, b) = (a - b)^2'] } },
  // the algebra stage's targets and variants (golden.test.ts), so their steps are walked too
  { input: '1/(1+exp(-x))', options: { define: [SIGMOID] } }, { input: '1/(1+exp(-x))', options: { define: [SIGMOID], method: 'chain' } },
  { input: SIGMOID }, { input: '1/(1+exp(-2x))', options: { define: [SIGMOID] } }, { input: '1/(1+exp(-x^2))', options: { define: [SIGMOID] } },
  { input: '1/(1+exp(-x))^2', options: { define: [SIGMOID] } }, { input: 'log(1+exp(x))', options: { define: [SIGMOID] } },
  { input: 'log(1+exp(-x))', options: { define: [SIGMOID] } }, { input: 'exp(1/(1+exp(-x)))', options: { define: [SIGMOID] } },
  { input: '1/(1+exp(-k*x))', options: { wrt: 'x', define: [SIGMOID] } }, { input: '1/(1+exp(-x)) * sin(x)^2', options: { define: [SIGMOID] } },
  { input: 'x/(1+exp(-x))', options: { define: [SIGMOID] } }, { input: 'g(x)', options: { define: ['g(x) = x^3 + x'] } },
  { input: '-(a*log(q)+(1-a)*log(1-q))', options: { wrt: 'q' } }, { input: '1/(1+exp(-x))', options: { simplify: false } },
  // other variables are constants; undefined functions
  { input: 'a*x^2 + b*x + c', options: { wrt: 'x' } }, { input: 'exp(k*t)', options: { wrt: 't' } },
  { input: 'x*y + sin(x*y)', options: { wrt: 'y' } }, { input: 'f(x)' }, { input: 'f(x^2)*g(x)' }, { input: "f'(2x)" },
];
