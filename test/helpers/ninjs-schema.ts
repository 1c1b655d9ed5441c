/** The vendored IPTC ninjs 3.1 schema (schemas/ninjs/) compiled with ajv, fully offline. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

const readSchema = (name: string): object => JSON.parse(readFileSync(`schemas/ninjs/${name}`, 'utf8'));

/** ajv-formats is CommonJS: at runtime the default import is the plugin, but NodeNext types it as the module. */
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function compileNinjs() {
  // Not strict: the IPTC schema puts `required` in oneOf branches that do not restate the
  // properties (strictRequired) and keeps a stray `$defs.unevaluatedProperties`; both are
  // authoring idioms of the schema, not looseness in what is validated.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // GeoJSON-schema.json is draft 2020-12 like ninjs, and carries the `$id` ninjs refers to
  // (https://geojson.org/schema/GeoJSON.json), so the reference resolves without a network.
  ajv.addSchema(readSchema('GeoJSON-schema.json'));
  return ajv.compile(readSchema('ninjs-schema_3.1.json'));
}

export const validateNinjs = compileNinjs();

/** Fails with ajv's errors and the document when `ninjs` is not valid ninjs 3.1. */
export function expectValidNinjs(ninjs: object): void {
  const valid = validateNinjs(ninjs);
  expect(valid ? [] : validateNinjs.errors, JSON.stringify(ninjs, null, 2)).toEqual([]);
}
