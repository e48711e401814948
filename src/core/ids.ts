const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach SQL only once known to be UUIDs: a malformed id then answers like a missing record. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function onlyUuids(values: readonly string[] | undefined): string[] {
  return (values ?? []).filter(isUuid);
}
