import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// The data-access rule (README, docs/architecture.md): reads and writes are SQL through `tx.query`; TypeORM
// entities define the tables (and the migrations are checked against them). These two helpers are the plain
// single-row writes in that style: the SQL is visible and simple, while the column names come from the entity's
// metadata, so a property renamed in the entity cannot silently miss its column.

function columnsOf<E extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<E>, values: Partial<E>) {
  const metadata = tx.connection.getMetadata(entity);
  const names: string[] = [];
  const params: unknown[] = [];
  for (const [property, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column for property ${property}`);
    names.push(`"${column.databaseName}"`);
    params.push(column.type === 'jsonb' || column.type === 'json' ? JSON.stringify(value) : value);
  }
  return { table: `"${metadata.tableName}"`, names, params };
}

/** INSERT of one row; the database fills the defaults (id, timestamps). Returns the new id. */
export async function insertRow<E extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<E>, values: Partial<E>): Promise<string> {
  const { table, names, params } = columnsOf(tx, entity, values);
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    params,
  );
  return row.id;
}

/** UPDATE of the given columns of one row by id (nothing when no column is given). Returns the rows changed. */
export async function updateRow<E extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<E>, id: string, values: Partial<E>): Promise<number> {
  const { table, names, params } = columnsOf(tx, entity, values);
  if (names.length === 0) return 0;
  const [, affected]: [unknown, number] = await tx.query(
    `UPDATE ${table} SET ${names.map((name, i) => `${name} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...params],
  );
  return affected;
}
