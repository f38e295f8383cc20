import { defineBuiltin } from '../../src/engine/rule.js';

// The rectified linear unit: 0 left of 0, x right of it; its derivative has a kink at 0.
export default defineBuiltin({ id: 'relu', names: ['relu'], params: ['x'], body: 'max(0, x)', writtenIn: [] });
