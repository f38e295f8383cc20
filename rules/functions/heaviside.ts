import { defineBuiltin } from '../../src/engine/rule.js';

// The unit step (1 at 0, as numpy's heaviside(x, 1)); it jumps at 0, where it has no derivative.
export default defineBuiltin({ id: 'heaviside', names: ['heaviside'], params: ['x'], body: 'x < 0 ? 0 : 1', writtenIn: [] });
