import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { nulMessage, pathsWithNul } from './nul-check';

const integerText = /^-?\d+$/;
const numberText = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

type SchemaNode = { type?: unknown; properties?: Record<string, SchemaNode> };

/**
 * Path and query values arrive as text and are converted to the schema's types. The converter alone is
 * lenient ("2020.5" or "0x7e4" would become the year 2020), so numbers must first look like numbers:
 * integers as plain digits, numbers as plain decimals.
 */
function strictNumberProblems(schema: SchemaNode, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !schema.properties) return [];
  const problems: string[] = [];
  for (const [key, property] of Object.entries(schema.properties)) {
    const raw = (value as Record<string, unknown>)[key];
    if (typeof raw !== 'string') continue;
    if (property.type === 'integer' && !integerText.test(raw)) problems.push(key);
    if (property.type === 'number' && !numberText.test(raw)) problems.push(key);
  }
  return problems;
}

/** A schema-style validation error for fields (instance paths) with one message. */
function validationError(
  paths: readonly string[],
  message: string,
  keyword: 'nul' | 'type',
  httpPart: string | undefined,
) {
  return Object.assign(new Error(`${paths.join(', ')} ${message}`), {
    validation: paths.map((instancePath) => ({ instancePath, message, keyword, params: {} })),
    validationContext: httpPart,
  });
}

/**
 * TypeBox validation for every part of a request, with strict number parsing of params and query. Strings
 * with a NUL character are refused first, in any part and at any depth, naming their fields.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const validate = TypeBoxValidatorCompiler(route);
  const isText = route.httpPart === 'params' || route.httpPart === 'querystring';
  return (value: unknown) => {
    const withNul = pathsWithNul(value);
    if (withNul.length > 0) return { error: validationError(withNul, nulMessage, 'nul', route.httpPart) };
    if (!isText) return validate(value);
    const bad = strictNumberProblems(route.schema, value);
    if (bad.length > 0)
      return {
        error: validationError(
          bad.map((field) => `/${field}`),
          'must be a plain number',
          'type',
          route.httpPart,
        ),
      };
    return validate(value);
  };
};
