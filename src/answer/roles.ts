// Which of the roles articles give a speaker to show: the one most articles support, where a shorter role
// ("Secretary", "US Treasury Secretary") counts as support for a fuller one that contains its words.
import { nameKey } from '../text/normalize.ts';

export function preferredRole(roles: { role: string; count: number }[]): string | null {
  if (roles.length === 0) return null;
  const words = (r: string) => new Set(nameKey(r).split(/[\s-]+/));
  const scored = roles.map((r) => {
    const mine = words(r.role);
    const support = roles
      .filter((o) => [...words(o.role)].every((w) => mine.has(w)))
      .reduce((n, o) => n + o.count, 0);
    return { role: r.role, support, length: r.role.length };
  });
  scored.sort((a, b) => b.support - a.support || a.length - b.length);
  return scored[0]!.role;
}
