/** Returns the same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** A quoted SQL identifier: database names come from config and tests, never from users. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
