#!/usr/bin/env python3
"""Records SymPy's simplify(diff(f)) for every exercise of test/textbook.ts in test/textbook-sympy.json.

Run with Debian's python3-sympy: /usr/bin/python3 bench/sympy-corpus.py. The tests read the JSON it
writes and need no Python. Every symbol is declared real, as stepdiff's expressions are; the forms
are written in mathjs syntax so that the tests can parse and measure them the way they measure
stepdiff's and mathjs's results.
"""
import json
import re
import signal
import sys
from pathlib import Path

import sympy
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / 'test' / 'textbook.ts'
TARGET = ROOT / 'test' / 'textbook-sympy.json'
ENTRY = re.compile(r"\{ input: '([^']+)'(?:, wrt: '([^']+)')? \}")
TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)


class Timeout(Exception):
    pass


def on_alarm(_signum, _frame):
    raise Timeout()


def sympy_input(text):
    """mathjs's function names in SymPy's spelling (cbrt and nthRoot as SymPy's principal roots)."""
    text = re.sub(r'\bnthRoot\(([^,]+), (\d+)\)', r'(\1)**(1/\2)', text)
    text = re.sub(r'\bcbrt\(', 'root3(', text)
    text = re.sub(r'\blog10\(', 'log_10(', text)
    text = re.sub(r'\blog2\(', 'log_2(', text)
    return text


def mathjs_text(expr):
    """A SymPy expression in mathjs syntax."""
    text = sympy.sstr(expr, order='none')
    text = text.replace('**', '^').replace('Abs(', 'abs(')
    return re.sub(r'\bE\b', 'e', text)


def main():
    entries = ENTRY.findall(SOURCE.read_text(encoding='utf8'))
    rows = []
    signal.signal(signal.SIGALRM, on_alarm)
    for text, wrt in entries:
        names = set(re.findall(r'[A-Za-z_][A-Za-z_0-9]*', text)) - {'sqrt', 'cbrt', 'nthRoot', 'exp', 'log', 'log10', 'log2', 'abs', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'pi', 'e'}
        local = {n: sympy.Symbol(n, real=True) for n in names}
        local.update({'abs': sympy.Abs, 'root3': lambda u: u ** sympy.Rational(1, 3), 'log_10': lambda u: sympy.log(u, 10),
                      'log_2': lambda u: sympy.log(u, 2), 'e': sympy.E, 'pi': sympy.pi})
        f = parse_expr(sympy_input(text), local_dict=local, transformations=TRANSFORMS)
        x = local[wrt or 'x']
        signal.alarm(120)
        try:
            result = sympy.simplify(sympy.diff(f, x))
        except Timeout:
            result = None
        finally:
            signal.alarm(0)
        # Where SymPy answers case by case (Abs of a real symbol), the branch for all other points is
        # the form a learner reads, and the one the tests compare with.
        if isinstance(result, sympy.Piecewise) and result.args[-1][1] == sympy.true:
            result = result.args[-1][0]
        rows.append({'input': text, 'wrt': wrt or 'x', 'sympy': None if result is None else mathjs_text(result)})
        print(f'{text}  ->  {rows[-1]["sympy"]}', file=sys.stderr)
    TARGET.write_text(json.dumps({'sympy': sympy.__version__, 'exercises': rows}, ensure_ascii=False, indent=1) + '\n', encoding='utf8')


if __name__ == '__main__':
    main()
