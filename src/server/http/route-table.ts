/**
 * The registered routes as path patterns, so a request that misses can be told apart: a path that exists
 * with another method (405 METHOD_NOT_ALLOWED) or no such path at all (404 ROUTE_NOT_FOUND).
 */
export function createRouteTable() {
  const routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  const toPattern = (url: string) =>
    new RegExp(
      `^${url
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:[^/]+/g, '[^/]+')
        .replace(/\*/g, '.*')}/?$`,
    );
  return {
    add(url: string, methods: string | string[]) {
      const list = Array.isArray(methods) ? methods : [methods];
      const existing = routes.find((r) => r.pattern.source === toPattern(url).source);
      if (existing) list.forEach((m) => existing.methods.add(m));
      else routes.push({ pattern: toPattern(url), methods: new Set(list) });
    },
    /** The methods registered for a concrete path, empty when no route has this path. */
    methodsOf(path: string): string[] {
      return routes.filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]);
    },
  };
}
