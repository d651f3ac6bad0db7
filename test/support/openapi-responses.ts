import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { CallOptions, Reply } from '../api/auth-harness.js';

type Call = (method: string, path: string, options?: CallOptions) => Promise<Reply>;

interface DocumentedResponse {
  content?: Record<string, { schema: unknown }>;
}

interface ApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, DocumentedResponse> }>>;
  components: Record<string, unknown>;
}

// ajv-formats is CommonJS: its types see a module where ESM gets the plugin (which also has itself as `default`).
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as unknown as FormatsPlugin;

/**
 * Checks answers against the committed OpenAPI document (docs/openapi.json): the operation must be
 * documented (method and path template), its status documented (a success explicitly, an error at
 * least by `default`), and the body valid against that response's schema. Response schemas refuse
 * unknown fields, so a field added, renamed or missing in an answer fails.
 */
export class ResponseContract {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly doc: ApiDocument;
  private readonly templates: { method: string; template: string; pattern: RegExp }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(documentUrl = new URL('../../docs/openapi.json', import.meta.url)) {
    this.doc = JSON.parse(readFileSync(documentUrl, 'utf8')) as ApiDocument;
    addFormats(this.ajv);
    this.ajv.addSchema(asJsonSchema({ components: this.doc.components }), 'openapi.json');
    // A literal segment wins over a parameter: fewer parameters first.
    this.templates = Object.entries(this.doc.paths)
      .flatMap(([template, methods]) =>
        Object.keys(methods).map((method) => ({ method: method.toUpperCase(), template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) })),
      )
      .sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  }

  /** Throws, naming the operation and every mismatch, when a reply is not what the document says. */
  check(method: string, path: string, reply: Reply): void {
    const pathOnly = path.split('?')[0];
    const operation = this.templates.find((t) => t.method === method && t.pattern.test(pathOnly));
    if (!operation) throw new Error(`${method} ${pathOnly} is not in docs/openapi.json`);
    const name = `${method} ${operation.template} → ${reply.status}`;
    const responses = this.doc.paths[operation.template][method.toLowerCase()].responses;
    const documented = responses[reply.status] ?? (reply.status >= 400 ? responses.default : undefined);
    if (!documented) throw new Error(`${name}: status not documented (documented: ${Object.keys(responses).join(', ')})`);
    const mediaType = reply.type.split(';')[0].trim();
    if (!documented.content) {
      if (Object.keys(reply.body).length > 0) throw new Error(`${name}: documented without a body, answered ${JSON.stringify(reply.body)}`);
      return;
    }
    const schema = documented.content[mediaType]?.schema;
    if (!schema) throw new Error(`${name}: answered ${mediaType}, documented ${Object.keys(documented.content).join(', ')}`);
    const validate = this.validator(`${name} ${mediaType}`, schema);
    if (!validate(reply.body)) {
      const errors = validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
      throw new Error(`${name}: the answer does not match docs/openapi.json:\n  ${errors.join('\n  ')}\nbody: ${JSON.stringify(reply.body).slice(0, 2000)}`);
    }
  }

  /** The same calls, each reply checked before it is returned. */
  wrap(call: Call): Call {
    return async (method, path, options) => {
      const reply = await call(method, path, options);
      this.check(method, path, reply);
      return reply;
    };
  }

  /** A fetch that checks every answer before returning it, for a client that takes its own (openapi-fetch). */
  fetch(base: (request: Request) => Promise<Response> = fetch): (request: Request) => Promise<Response> {
    return async (request) => {
      const res = await base(request);
      const text = await res.clone().text();
      const url = new URL(request.url);
      this.check(request.method, url.pathname + url.search, {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        headers: res.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      return res;
    };
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // The document's references point into its own components, registered above as openapi.json.
      validate = this.ajv.compile(asJsonSchema(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'))));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * The OpenAPI 3.0 dialect as the JSON Schema ajv reads: `nullable: true` becomes "null or the rest"
 * (a nullable `allOf: [$ref]` included), and `exclusiveMinimum: true` beside `minimum` (draft 4) a number.
 */
function asJsonSchema(node: unknown): object {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (!node || typeof node !== 'object') return node as object;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, asJsonSchema(value)]));
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[exclusive] !== 'boolean') continue;
    if (out[exclusive]) out[exclusive] = out[bound];
    else delete out[exclusive];
    if (out[exclusive] !== undefined) delete out[bound];
  }
  return nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}
