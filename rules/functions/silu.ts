import { defineBuiltin } from '../../src/engine/rule.js';

// The sigmoid-weighted linear unit (swish): silu'(x) = σ(x)(1 + x(1 − σ(x))).
export default defineBuiltin({ id: 'silu', names: ['silu', 'swish'], params: ['x'], body: 'x*σ(x)', writtenIn: ['σ'] });
