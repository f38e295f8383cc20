import { defineBuiltin } from '../../src/engine/rule.js';

// The complementary error function.
export default defineBuiltin({ id: 'erfc', names: ['erfc'], params: ['x'], body: '1-erf(x)', writtenIn: [] });
