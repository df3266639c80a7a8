// Which of the roles articles give a speaker to show: the one most articles use; among equals, the one the
// others' words support ("Secretary" supports "US Treasury Secretary"); a role too long to show comes last.
// The store chooses it as articles are written (over the speaker's most used roles), never while answering.
import { nameKey } from '../text/normalize.ts';

const MAX_ROLE = 60;

export function preferredRole(roles: { role: string; count: number }[]): string | null {
  if (roles.length === 0) return null;
  // Word sets built once: support compares every role with every other.
  const words = roles.map((r) => new Set(nameKey(r.role).split(/[\s-]+/)));
  const scored = roles.map((r, i) => {
    const mine = words[i]!;
    let support = 0;
    words.forEach((theirs, j) => {
      for (const w of theirs) if (!mine.has(w)) return;
      support += roles[j]!.count;
    });
    return { role: r.role, count: r.count, support, long: r.role.length > MAX_ROLE ? 1 : 0, length: r.role.length };
  });
  scored.sort((a, b) => a.long - b.long || b.count - a.count || b.support - a.support || a.length - b.length);
  return scored[0]!.role;
}
