import type { DataSource } from 'typeorm';

/** Just enough of a JSON schema (as the OpenAPI document gives it) to build and break bodies. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  maxLength?: number;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export interface Operation {
  method: string;
  /** As the document writes it, with `{param}` placeholders. */
  path: string;
  body?: Schema;
  /** Query and path parameters, as the document declares them. */
  parameters: Parameter[];
  isPublic: boolean;
  /** From the "Roles: a, b." the document states for each protected operation. */
  roles: string[];
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  schema: Schema;
}

type Document = {
  paths: Record<
    string,
    Record<string, { security?: unknown[]; description?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
};

/** Every operation of the api under test, read from its OpenAPI document (so new routes are covered as they land). */
export async function listOperations(docsJsonUrl: string): Promise<Operation[]> {
  const doc = (await (await fetch(docsJsonUrl)).json()) as Document;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      body: op.requestBody?.content['application/json']?.schema,
      // Headers (X-Session) are options, not data: they cannot carry NUL and are never stored.
      parameters: (op.parameters ?? []).filter((p) => p.in !== 'header'),
      isPublic: (op.security?.length ?? 0) === 0,
      roles: /^Roles: ([^.]*)\./.exec(op.description ?? '')?.[1].split(', ') ?? [],
    })),
  );
}

export function typeOf(schema: Schema): string | undefined {
  const own = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  return own ?? (schema.anyOf ?? schema.oneOf)?.map(typeOf).find(Boolean);
}

/** A value the schema accepts, as far as the schema says (formats approximated). */
export function validValue(schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, validValue(v)]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'email') return 'someone@example.org';
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date') return '2026-01-01';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      return 'text';
  }
}

/** A fingerprint of every table's rows: equal before and after means nothing changed. */
export async function databaseDigest(ds: DataSource): Promise<string> {
  const tables = await ds.query<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const [row] = await ds.query<{ n: string; h: string }[]>(
      `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${tablename}" t`,
    );
    parts.push(`${tablename}:${row.n}:${row.h}`);
  }
  return parts.join('\n');
}

/** For every string a body of this schema holds (through objects and array items): a body with `text` there, and where. */
export function withTextAtEachString(schema: Schema, text: string): { field: string; body: unknown }[] {
  const own = schema.type || !(schema.anyOf ?? schema.oneOf) ? schema : ((schema.anyOf ?? schema.oneOf)!.find((s) => typeOf(s) !== 'null') ?? schema);
  const at = (segment: string, inner: { field: string; body: unknown }[], wrap: (body: unknown) => unknown) =>
    inner.map(({ field, body }) => ({ field: field ? `${segment}.${field}` : segment, body: wrap(body) }));
  switch (typeOf(own)) {
    case 'string':
      return [{ field: '', body: text }];
    case 'object':
      return Object.entries(own.properties ?? {}).flatMap(([key, property]) =>
        at(key, withTextAtEachString(property, text), (body) => ({ ...(validValue(own) as object), [key]: body })),
      );
    case 'array':
      return own.items ? at('0', withTextAtEachString(own.items, text), (body) => [body]) : [];
    default:
      return [];
  }
}
