// The ratio is only honest if both servers return the same data: this finds the first difference, with its
// path, so a failing check says what to fix instead of dumping two 30 KB documents.

export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${path}: length ${a.length} vs ${other.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], other[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  // Key order is part of "the same JSON": GraphQL responses follow the order of the selection set.
  if (leftKeys.join(',') !== rightKeys.join(',')) return `${path}: keys {${leftKeys}} vs {${rightKeys}}`;
  for (const key of leftKeys) {
    const found = firstDifference(left[key], right[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
