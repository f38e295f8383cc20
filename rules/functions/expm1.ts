import { defineBuiltin } from '../../src/engine/rule.js';

// exp(x) − 1, as numeric libraries name it for small x.
export default defineBuiltin({ id: 'expm1', names: ['expm1'], params: ['x'], body: 'exp(x)-1', writtenIn: [] });
