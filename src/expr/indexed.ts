// Indexed symbols and sums over an index: z_k is z indexed by k, w_ij by i and j (a subscript of
// letters, one index a letter; x_1 stays a plain name). sum(f, j) sums f over j = 1..K, K left
// symbolic, and δ(j, k) is the Kronecker delta, 1 where j = k and 0 elsewhere.

import type { Expr } from './types.js';
import { children } from './children.js';

/** The base and the indices of an indexed name, or undefined for a plain one (x, x_1, ŷ). */
export function indexedName(name: string): { readonly base: string; readonly indices: readonly string[] } | undefined {
  const at = name.indexOf('_');
  if (at <= 0) return undefined;
  const subscript = name.slice(at + 1);
  return /^[A-Za-z]+$/.test(subscript) ? { base: name.slice(0, at), indices: [...subscript] } : undefined;
}

/** Whether `e` holds the index `j`: in an indexed name (z_j), as a δ's argument, or as a symbol. */
export function holdsIndex(e: Expr, j: string): boolean {
  if (e.kind === 'sym') return e.name === j || (indexedName(e.name)?.indices.includes(j) ?? false);
  return children(e).some((k) => holdsIndex(k, j));
}

/** The index letters `e` uses, in indexed names and sums: a fresh one is none of them. */
export function indicesIn(e: Expr): Set<string> {
  const found = new Set<string>();
  const visit = (node: Expr): void => {
    if (node.kind === 'sym') {
      const indexed = indexedName(node.name);
      if (indexed !== undefined) for (const i of indexed.indices) found.add(i);
      else if (node.name.length === 1) found.add(node.name);
      return;
    }
    children(node).forEach(visit);
  };
  visit(e);
  return found;
}

const LETTERS = ['i', 'j', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 'a', 'b', 'c'];

/** An index letter none of `used` is. */
export function freshIndex(used: ReadonlySet<string>): string {
  return LETTERS.find((l) => !used.has(l)) ?? 'm';
}

/** `e` with the index `from` written `to`, in indexed names, δ's arguments and sums (a bound index renamed). */
export function renameIndex(e: Expr, from: string, to: string, build: { sym: (name: string) => Expr; withChildren: (e: Expr, kids: Expr[]) => Expr }): Expr {
  if (e.kind === 'sym') {
    if (e.name === from) return build.sym(to);
    const indexed = indexedName(e.name);
    if (indexed === undefined || !indexed.indices.includes(from)) return e;
    return build.sym(`${indexed.base}_${indexed.indices.map((i) => (i === from ? to : i)).join('')}`);
  }
  const kids = children(e);
  return kids.length === 0 ? e : build.withChildren(e, kids.map((k) => renameIndex(k, from, to, build)));
}

/** Whether `e` holds a symbol of the family of the indexed name `of` (z_j for z_k): one that varies with it. */
export function holdsFamily(e: Expr, of: string): boolean {
  const family = indexedName(of);
  if (family === undefined) return false;
  const visit = (node: Expr): boolean => {
    if (node.kind === 'sym') {
      const indexed = indexedName(node.name);
      return indexed !== undefined && indexed.base === family.base && indexed.indices.length === family.indices.length;
    }
    return children(node).some(visit);
  };
  return visit(e);
}

/** Whether two expressions are the same up to the names of their sums' indices (sum(t_i, i) and sum(t_j, j)). */
export function sameUpToIndices(a: Expr, b: Expr, build: { sym: (name: string) => Expr; withChildren: (e: Expr, kids: Expr[]) => Expr; equals: (a: Expr, b: Expr) => boolean }): boolean {
  if (a.kind === 'fn' && b.kind === 'fn' && a.name === 'sum' && b.name === 'sum' && a.args[1]?.kind === 'sym' && b.args[1]?.kind === 'sym') {
    return build.equals(renameIndex(b, b.args[1].name, a.args[1].name, build), a);
  }
  return build.equals(a, b);
}

/** The indices `e` leaves free: those of its indexed names that no sum inside it binds (i in sum(w_ij x_j, j) + b_i). */
export function freeIndices(e: Expr): Set<string> {
  const free = new Set<string>();
  const visit = (node: Expr, bound: ReadonlySet<string>): void => {
    if (node.kind === 'sym') {
      for (const i of indexedName(node.name)?.indices ?? []) if (!bound.has(i)) free.add(i);
      return;
    }
    if (node.kind === 'fn' && node.name === 'sum' && node.args[1]?.kind === 'sym') {
      visit(node.args[0]!, new Set([...bound, node.args[1].name]));
      return;
    }
    children(node).forEach((k) => visit(k, bound));
  };
  visit(e, new Set());
  return free;
}
