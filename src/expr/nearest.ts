// The name a misspelt one was probably meant to be, for messages that name it ("did you mean wrt?").

/** The edit distance between two strings, ignoring case. */
function distance(a: string, b: string): number {
  const [s, t] = [a.toLowerCase(), b.toLowerCase()];
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[t.length]!;
}

/** The candidate nearest to `name`, if one is within a third of its length (at least 2 edits). */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  // A long unknown name is nobody's typo, and comparing it would cost its length squared.
  if (name.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
