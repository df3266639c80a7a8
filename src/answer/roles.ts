// Which of the roles articles give a speaker to show: the one most articles use; among equals, the one the
// others' words support ("Secretary" supports "US Treasury Secretary"); a role too long to show comes last.
import { nameKey } from '../text/normalize.ts';

const MAX_ROLE = 60;

export function preferredRole(roles: { role: string; count: number }[]): string | null {
  if (roles.length === 0) return null;
  const words = (r: string) => new Set(nameKey(r).split(/[\s-]+/));
  const scored = roles.map((r) => {
    const mine = words(r.role);
    const support = roles
      .filter((o) => [...words(o.role)].every((w) => mine.has(w)))
      .reduce((n, o) => n + o.count, 0);
    return { role: r.role, count: r.count, support, long: r.role.length > MAX_ROLE ? 1 : 0, length: r.role.length };
  });
  scored.sort((a, b) => a.long - b.long || b.count - a.count || b.support - a.support || a.length - b.length);
  return scored[0]!.role;
}
