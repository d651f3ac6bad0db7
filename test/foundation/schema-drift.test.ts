import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource, type EntityMetadata, type QueryRunner } from 'typeorm';
import { dataSourceOptions, runMigrations } from '#db';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/test-config.js';

/**
 * The entities describe the schema the migrations build, exactly: what `npm run migration:generate`
 * would write against a freshly migrated database is empty. A migration without its entity change (or
 * an entity change without its migration) fails here, listing the statements TypeORM would run.
 */
describe('schema drift between migrations and entities', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(testConfig({ databaseUrl: db.url, redisPrefix: 'unused', smtpPort: 1 }))).initialize();
    await runMigrations(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  // TypeORM never drops a table, so a table without an entity is invisible to its diff.
  test('every table has an entity', async () => {
    const tables = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`);
    expect(ds.entityMetadatas.map((e) => e.tableName).sort()).toEqual(tables.map((t: { tablename: string }) => t.tablename));
  });

  test('migration:generate finds nothing to change', async () => {
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  // TypeORM's diff matches indexes, checks, unique constraints and foreign keys by name (indexes also by
  // their set of columns), so a wrong predicate, expression or column order would pass it. Each one an
  // entity declares is built once more from the entity, inside a transaction rolled back afterwards,
  // and PostgreSQL's own rendering of the two is compared.
  test('indexes and constraints the entities declare are the ones the migrations built', async () => {
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      const declared: string[] = [];
      const built: string[] = [];
      for (const entity of ds.entityMetadatas) {
        for (const [name, definition] of entityDefinitions(entity)) {
          declared.push(`${entity.tableName} ${name}: ${await probe(runner, entity.tableName, definition)}`);
          built.push(`${entity.tableName} ${name}: ${await existing(runner, entity.tableName, name, definition)}`);
        }
      }
      expect(declared).toEqual(built);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

/** An index as SQL under a given name, or a constraint's definition. */
type Definition = { index: (name: string) => string } | { constraint: string };

const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

function entityDefinitions(entity: EntityMetadata): [string, Definition][] {
  const columns = (cs: { databaseName: string }[]) => quoted(cs.map((c) => c.databaseName));
  return [
    // Indexes TypeORM cannot describe (expressions) are declared with synchronize: false and skipped.
    ...entity.indices
      .filter((i) => i.synchronize)
      .map((i): [string, Definition] => [
        i.name,
        {
          index: (name) =>
            `CREATE ${i.isUnique ? 'UNIQUE ' : ''}INDEX ${name} ON "${entity.tableName}" (${columns(i.columns)})${i.where ? ` WHERE ${i.where}` : ''}`,
        },
      ]),
    ...entity.checks.map((c): [string, Definition] => [c.name, { constraint: `CHECK (${c.expression})` }]),
    ...entity.uniques.map((u): [string, Definition] => [u.name, { constraint: `UNIQUE (${columns(u.columns)})` }]),
    ...entity.foreignKeys.map((f): [string, Definition] => [
      f.name,
      {
        constraint:
          `FOREIGN KEY (${columns(f.columns)}) REFERENCES "${f.referencedEntityMetadata.tableName}" (${columns(f.referencedColumns)})` +
          ` ON DELETE ${f.onDelete ?? 'NO ACTION'} ON UPDATE ${f.onUpdate ?? 'NO ACTION'}`,
      },
    ]),
  ];
}

const PROBE = 'schema_drift_probe';

/** PostgreSQL's rendering of a definition built from the entity, under a probe name. */
async function probe(runner: QueryRunner, table: string, definition: Definition): Promise<string> {
  if ('index' in definition) {
    await runner.query(definition.index(PROBE));
    const [{ def }] = await runner.query(`SELECT pg_get_indexdef('${PROBE}'::regclass) AS def`);
    await runner.query(`DROP INDEX ${PROBE}`);
    return (def as string).replace(PROBE, '');
  }
  await runner.query(`ALTER TABLE "${table}" ADD CONSTRAINT ${PROBE} ${definition.constraint}`);
  const def = await constraintDefinition(runner, table, PROBE);
  await runner.query(`ALTER TABLE "${table}" DROP CONSTRAINT ${PROBE}`);
  return def;
}

/** PostgreSQL's rendering of the object of that name the migrations built (or a note that there is none). */
async function existing(runner: QueryRunner, table: string, name: string, definition: Definition): Promise<string> {
  if ('index' in definition) {
    const rows = await runner.query(`SELECT pg_get_indexdef(to_regclass($1)) AS def`, [`"${name}"`]);
    return rows[0].def === null ? 'no such index' : (rows[0].def as string).replace(name, '');
  }
  return constraintDefinition(runner, table, name);
}

async function constraintDefinition(runner: QueryRunner, table: string, name: string): Promise<string> {
  const rows = await runner.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2`, [
    `"${table}"`,
    name,
  ]);
  return rows.length === 0 ? 'no such constraint' : (rows[0].def as string);
}
