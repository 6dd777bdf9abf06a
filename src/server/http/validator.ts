import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';

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

/** TypeBox validation for every part of a request, with strict number parsing of params and query. */
export const strictValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const validate = TypeBoxValidatorCompiler(route);
  if (route.httpPart !== 'params' && route.httpPart !== 'querystring') return validate;
  return (value: unknown) => {
    const bad = strictNumberProblems(route.schema, value);
    if (bad.length > 0) {
      const error = Object.assign(new Error(`${bad.join(', ')} must be a plain number`), {
        validation: bad.map((field) => ({
          instancePath: `/${field}`,
          message: 'must be a plain number',
          keyword: 'type',
          params: {},
        })),
        validationContext: route.httpPart,
      });
      return { error };
    }
    return validate(value);
  };
};
