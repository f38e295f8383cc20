import { defineBuiltin } from '../../src/engine/rule.js';

// A smooth ReLU; its derivative is the sigmoid.
export default defineBuiltin({ id: 'softplus', names: ['softplus'], params: ['x'], body: 'log(1+exp(x))', writtenIn: ['σ'] });
