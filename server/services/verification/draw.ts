// The draw: a random mix of candidates, at most two of one family, none sharing a tag with another.
import type { Candidate, Pick } from './candidates';
import { maxPerFamily } from './question-kinds';

const attempts = 8;

function drawOnce(candidates: readonly Candidate[], count: number, pick: Pick): Candidate[] {
  const chosen: Candidate[] = [];
  const perFamily = new Map<string, number>();
  const perKind = new Map<string, number>();
  const usedTags = new Set<string>();
  while (chosen.length < count) {
    const allowed = candidates.filter(
      (c) => !chosen.includes(c) && (perFamily.get(c.family) ?? 0) < maxPerFamily && !c.tags.some((t) => usedTags.has(t)),
    );
    if (allowed.length === 0) break;
    // Mix: prefer the least asked family, then the least asked kind.
    const fewestFamily = Math.min(...allowed.map((c) => perFamily.get(c.family) ?? 0));
    const byFamily = allowed.filter((c) => (perFamily.get(c.family) ?? 0) === fewestFamily);
    const fewestKind = Math.min(...byFamily.map((c) => perKind.get(c.kind) ?? 0));
    const c = pick(byFamily.filter((x) => (perKind.get(x.kind) ?? 0) === fewestKind));
    chosen.push(c);
    perFamily.set(c.family, (perFamily.get(c.family) ?? 0) + 1);
    perKind.set(c.kind, (perKind.get(c.kind) ?? 0) + 1);
    for (const t of c.tags) usedTags.add(t);
  }
  return chosen;
}

/** Up to `count` questions; a greedy draw can paint itself into a corner, so it tries a few times. */
export function drawQuestions(candidates: readonly Candidate[], count: number, pick: Pick): Candidate[] {
  let best: Candidate[] = [];
  for (let i = 0; i < attempts && best.length < count; i++) {
    const drawn = drawOnce(candidates, count, pick);
    if (drawn.length > best.length) best = drawn;
  }
  return best;
}
