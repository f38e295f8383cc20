import { defineBuiltin } from '../../src/engine/rule.js';

// The logistic function; σ'(x) = σ(x)(1 − σ(x)) is found from this definition and folded back.
export default defineBuiltin({ id: 'sigmoid', names: ['σ', 'sigmoid'], params: ['x'], body: '1/(1+exp(-x))', writtenIn: ['self'] });
