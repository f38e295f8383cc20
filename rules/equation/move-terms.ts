import { eq, isNum } from '../../src/expr/expr.js';
import { sumOf, termsOf, type Term } from '../../src/engine/algebra.js';
import { holds } from '../../src/engine/linear.js';
import { defineEquationRule } from '../../src/engine/rule.js';

const across = (t: Term): Term => ({ negative: !t.negative, expr: t.expr });

// Subtracting a term from both sides moves it across with its sign changed: the terms with y' go
// left, the others right.
export default defineEquationRule({
  id: 'move-terms',
  title: 'Move the terms with the derivative to one side',
  law: 'a\\,y\' + b = c + d\\,y\' \\Rightarrow a\\,y\' - d\\,y\' = c - b',
  apply: (e, u) => {
    const left = termsOf(e.left);
    const right = termsOf(e.right);
    const stays = left.filter((t) => holds(t.expr, u));
    const comes = right.filter((t) => holds(t.expr, u));
    if (stays.length + comes.length === 0 || (stays.length === left.length && comes.length === 0)) return undefined;
    const gathered = [...stays, ...comes.map(across)];
    // A side that was 0 leaves nothing behind: 2y·y' = −2x, not 0 − 2x.
    const rest = [...right.filter((t) => !holds(t.expr, u)), ...left.filter((t) => !holds(t.expr, u)).map(across)].filter((t) => !isNum(t.expr, 0));
    return eq(sumOf(gathered, true), sumOf(rest, true));
  },
});
