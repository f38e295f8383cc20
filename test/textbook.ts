// The result-quality corpus: textbook differentiation exercises (polynomials, roots, products and
// quotients, the chain rule, exponentials and logarithms, trigonometric and hyperbolic functions
// and their inverses, absolute values) and the functions of machine learning, written as a learner
// would type them. It is not the soundness corpus: these were collected to judge final forms
// against the tools a learner compares with. SymPy's simplify(diff(f)) for each is recorded in
// textbook-sympy.json by bench/sympy-corpus.py.

/** One exercise: the input as typed, and the variable when the input has several. */
export interface Exercise {
  readonly input: string;
  readonly wrt?: string;
}

export const TEXTBOOK: readonly Exercise[] = [
  // polynomials and powers
  { input: '3x^4 - 5x^3 + 2x - 7' }, { input: 'x^5 - 4x^3 + x' }, { input: '(2x + 1)^3' }, { input: '(x^2 - 1)^5' },
  { input: '(x^2 + 1)^5' }, { input: '(3x - 2)^4 (x + 1)' }, { input: 'x^2 (x - 1)^3' }, { input: '(x - 1)^2 (x + 2)^2' },
  { input: '1/x^3' }, { input: '4/x^2 - 3/x' }, { input: 'x^(3/2)' }, { input: 'x^(-1/2)' }, { input: '(1 - x)^10' },
  { input: '7x^2 - 3x + 1/x' }, { input: '(x^3 + 2x)^2' },
  // roots
  { input: 'sqrt(x^2 + 1)' }, { input: 'sqrt(3x + 2)' }, { input: 'x sqrt(x)' }, { input: 'cbrt(x)' }, { input: 'cbrt(x^2 + 1)' },
  { input: 'nthRoot(x^4 + 1, 4)' }, { input: '1/sqrt(x)' }, { input: 'sqrt(x)/(1 + x)' }, { input: 'x/sqrt(x^2 + 4)' },
  { input: 'sqrt(1 + sqrt(x))' }, { input: 'x^2 sqrt(1 - x)' },
  // products and quotients
  { input: 'x/(1 + x)' }, { input: '(x - 1)/(x + 1)' }, { input: '(x^2 + 1)/(x^2 - 1)' }, { input: 'x^2/(x + 3)' },
  { input: '(2x + 3)/(x^2 + 1)' }, { input: '1/(x^2 + 1)' }, { input: 'x/(x^2 + 1)' }, { input: '(x + 1)/x' },
  { input: '(x^2 - 4)/(x - 2)' }, { input: 'x^3/(1 - x^2)' },
  // exponentials
  { input: 'exp(3x)' }, { input: 'x exp(x)' }, { input: 'x^2 exp(x)' }, { input: 'exp(x)/x' }, { input: 'exp(-x^2)' },
  { input: 'x exp(-x)' }, { input: 'exp(x) sin(x)' }, { input: '2^x' }, { input: '2^x log(x)' }, { input: '10^(x^2)' },
  { input: 'exp(sqrt(x))' }, { input: 'exp(x)/(1 + exp(x))' }, { input: 'exp(-x)/(1 + exp(-x))' }, { input: '(exp(x) - exp(-x))/2' },
  { input: 'x^x' },
  // logarithms
  { input: 'log(x^2 + 1)' }, { input: 'x log(x)' }, { input: 'log(x)/x' }, { input: 'log(abs(x))' }, { input: 'log(sin(x))' },
  { input: 'log(x, 2)' }, { input: 'log10(x)' }, { input: 'log2(x^2 + 1)' }, { input: 'log((1 + x)/(1 - x))' },
  { input: 'log(sqrt(x))' }, { input: 'x^2 log(x)' }, { input: 'log(log(x))' },
  // trigonometric
  { input: 'sin(3x)' }, { input: 'cos(x^2)' }, { input: 'tan(2x)' }, { input: 'sin(x)^2' }, { input: 'sin(x) cos(x)' },
  { input: 'x sin(x)' }, { input: 'x^2 cos(x)' }, { input: 'sin(x)/x' }, { input: 'sin(x)/cos(x)' }, { input: 'sec(x) tan(x)' },
  { input: 'sin(x)^2 + cos(x)^2' }, { input: '1/(1 + cos(x))' }, { input: 'cos(x)/(1 + sin(x))' }, { input: 'sin(cos(x))' },
  { input: 'cos(x)^3' }, { input: 'tan(x)^2' }, { input: 'sin(sqrt(x))' }, { input: 'exp(-x) cos(x)' },
  // inverse trigonometric
  { input: 'asin(2x)' }, { input: 'atan(x^2)' }, { input: 'x atan(x)' }, { input: 'atan(1/x)' },
  { input: 'atan((1 + x)/(1 - x))' }, { input: 'acos(sqrt(x))' }, { input: 'asin(x)/sqrt(1 - x^2)' },
  // hyperbolic
  { input: 'sinh(2x)' }, { input: 'cosh(x)^2' }, { input: 'tanh(x)' }, { input: 'sinh(x)/cosh(x)' },
  { input: 'cosh(x)^2 - sinh(x)^2' }, { input: 'x tanh(x)' }, { input: 'asinh(x^2)' },
  // absolute values
  { input: 'abs(x)' }, { input: 'x abs(x)' }, { input: 'abs(x)/x' }, { input: 'abs(x)^3' }, { input: 'abs(x^2 - 1)' },
  // machine learning
  { input: '1/(1 + exp(-x))' }, { input: '1/(1 + exp(-2x))' }, { input: 'log(1 + exp(x))' }, { input: 'log(1 + exp(-x))' },
  { input: 'x/(1 + exp(-x))' }, { input: '-(t log(y) + (1 - t) log(1 - y))', wrt: 'y' }, { input: '(y - t)^2/2', wrt: 'y' },
  { input: '(w x + b - t)^2/2', wrt: 'w' }, { input: 'exp(-(x - mu)^2/(2 sigma^2))/(sigma sqrt(2 pi))', wrt: 'x' },
  { input: '-log(1/(1 + exp(-z)))', wrt: 'z' }, { input: '(exp(x) - exp(-x))/(exp(x) + exp(-x))' },
  { input: 'log(exp(a) + exp(b))', wrt: 'a' }, { input: 'exp(a)/(exp(a) + exp(b))', wrt: 'a' },
  { input: 'sqrt(x^2 + eps)', wrt: 'x' }, { input: 'x^2/(2 sigma^2)', wrt: 'x' }, { input: '-log(p)', wrt: 'p' },
  { input: 'log(p/(1 - p))', wrt: 'p' }, { input: 'abs(y - t)', wrt: 'y' }, { input: 'x exp(-x^2/2)' },
];
