import { defineBuiltin } from '../../src/engine/rule.js';

// log(1 + x), as numeric libraries name it for small x.
export default defineBuiltin({ id: 'log1p', names: ['log1p'], params: ['x'], body: 'log(1+x)', writtenIn: [] });
