import { defineBuiltin } from '../../src/engine/rule.js';

// The exact GELU, x·Φ(x) with Φ the normal distribution function written with erf (not the tanh approximation).
export default defineBuiltin({ id: 'gelu', names: ['gelu'], params: ['x'], body: 'x/2*(1+erf(x/sqrt(2)))', writtenIn: [] });
