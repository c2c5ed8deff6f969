import { z } from 'zod';
import { API } from '../shared/api/index';
import type { RouteContract } from '../shared/api/route';
import { PROBLEMS, Problem } from '../shared/schemas/problem';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
};

const parametersOf = (route: RouteContract) => {
  const located = [
    ['path', route.params],
    ['query', route.query],
  ] as const;
  return located.flatMap(([where, schema]) =>
    schema
      ? Object.entries(schema.shape).map(([name, property]) => ({
          name,
          in: where,
          required: where === 'path' || !(property as z.ZodType).safeParse(undefined).success,
          schema: toSchema(property as z.ZodType, 'input'),
        }))
      : [],
  );
};

const problemResponses = (route: RouteContract) => {
  const codes = new Set([
    'validation',
    'internal',
    'databaseUnavailable',
    ...(route.method !== 'GET' ? (['insufficientStorage'] as const) : []),
    ...(route.access.kind === 'person' ? (['unauthenticated', 'forbidden'] as const) : []),
    ...(route.method !== 'GET' && route.access.kind === 'person' ? (['csrf'] as const) : []),
    ...(route.problems ?? []),
  ] as const);
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const { status, type } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), type]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, types]) => [
      String(status),
      {
        description: types.join(', '),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
};

const operationOf = (name: string, route: RouteContract) => {
  const status = String(route.status ?? (route.response ? 200 : 204));
  const success =
    route.response === null
      ? { description: 'Done' }
      : { description: 'Success', content: { 'application/json': { schema: toSchema(route.response, 'output') } } };
  return {
    operationId: name,
    summary: route.summary,
    tags: [route.tag],
    'x-access': route.access,
    ...(route.access.kind === 'person' ? { security: [{ session: [] }] } : { security: [] }),
    parameters: parametersOf(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
      : route.bodyKind === 'stream'
        ? { requestBody: { required: true, content: { 'application/octet-stream': { schema: {} } } } }
        : {}),
    responses: { [status]: success, ...problemResponses(route) },
  };
};

/** The OpenAPI 3.1 description of every contract route, generated from the shared zod schemas. */
export const buildOpenApi = (version: string): JsonSchema => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(API) as [string, RouteContract][]) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(name, route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version,
      description:
        'Signed, end-to-end encrypted, append-only diplomatic correspondence. Errors are RFC 9457 problem+json.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: toSchema(Problem, 'output') },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'parley_session',
          description: 'Plus the x-parley-csrf header on writes',
        },
      },
    },
  };
};
