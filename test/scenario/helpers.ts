/** Shared by the scenario tests: error checks and a small JSON Schema checker. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/core/errors.js';

export const fixtures = join(import.meta.dirname, 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

/**
 * Asserts that `fn` throws a UserError located at `file:line` whose message (after the location)
 * equals `message` (a string) or matches it (a RegExp).
 */
export function throwsAt(fn: () => unknown, file: string, line: number, message: string | RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof UserError, `expected a UserError, got ${e}`);
    assert.equal(e.where, `${file}:${line}`, e.message);
    const rest = e.message.slice(`${file}:${line}: `.length);
    if (typeof message === 'string') assert.equal(rest, message);
    else assert.match(rest, message);
    return true;
  });
}

type JsonSchema = Record<string, unknown>;

/**
 * The errors of `value` against `schema`: the subset of JSON Schema 2020-12 the zod export uses
 * (type, const, properties, required, additionalProperties, propertyNames, items, anyOf, oneOf, $ref
 * to $defs, minItems, minLength, minimum, maximum, pattern). Empty when valid.
 */
export function jsonSchemaErrors(
  schema: JsonSchema,
  value: unknown,
  root: JsonSchema = schema,
  at = '',
): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (root.$defs as Record<string, JsonSchema>)[name];
    if (!target) return [`${at}: unresolved ${schema.$ref}`];
    return jsonSchemaErrors(target, value, root, at);
  }
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as JsonSchema[]).some((s) => jsonSchemaErrors(s, value, root, at).length === 0);
    return ok ? [] : [`${at}: matches no anyOf branch`];
  }
  if (Array.isArray(schema.oneOf)) {
    const n = (schema.oneOf as JsonSchema[]).filter(
      (s) => jsonSchemaErrors(s, value, root, at).length === 0,
    ).length;
    return n === 1 ? [] : [`${at}: matches ${n} oneOf branches, expected 1`];
  }
  const errs: string[] = [];
  const type = schema.type as string | undefined;
  const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
  const typeOk =
    type === undefined ||
    (type === 'object' && isObj) ||
    (type === 'array' && Array.isArray(value)) ||
    (type === 'string' && typeof value === 'string') ||
    (type === 'number' && typeof value === 'number') ||
    (type === 'integer' && Number.isInteger(value)) ||
    (type === 'boolean' && typeof value === 'boolean');
  if (!typeOk) return [`${at}: expected ${type}`];
  if ('const' in schema && value !== schema.const)
    errs.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      errs.push(`${at}: too short`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value))
      errs.push(`${at}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${at}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errs.push(`${at}: above maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      errs.push(`${at}: too few items`);
    if (schema.items)
      for (let i = 0; i < value.length; i++)
        errs.push(...jsonSchemaErrors(schema.items as JsonSchema, value[i], root, `${at}[${i}]`));
  }
  if (isObj) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const k of (schema.required ?? []) as string[]) if (!(k in obj)) errs.push(`${at}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...jsonSchemaErrors(props[k], v, root, `${at}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${at}: unknown key ${k}`);
      else if (typeof schema.additionalProperties === 'object')
        errs.push(...jsonSchemaErrors(schema.additionalProperties as JsonSchema, v, root, `${at}.${k}`));
    }
  }
  return errs;
}
