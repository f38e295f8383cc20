import { defineBuiltin } from '../../src/engine/rule.js';

// log σ(x), the log-likelihood of a logistic model; its derivative is 1 − σ(x).
export default defineBuiltin({ id: 'logsigmoid', names: ['logsigmoid'], params: ['x'], body: 'log(σ(x))', writtenIn: ['σ'] });
