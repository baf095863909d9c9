/**
 * fast-check arbitraries for API messages, derived from the schema declarations: for a
 * version, every field the version carries gets a random value (null where the version
 * allows it), and every other field its declared default, which is what decoding yields.
 *
 * The rules are restated here rather than imported from the generator, so that a
 * generator bug does not hide itself.
 */
import fc from 'fast-check';
import type { FieldSchema, FieldType, StructSchema } from '../schema/model.js';
import { contains } from '../schema/model.js';

type Value = unknown;

const INT_RANGES: Record<string, readonly [number, number]> = {
  int8: [-0x80, 0x7f],
  int16: [-0x8000, 0x7fff],
  int32: [-0x80000000, 0x7fffffff],
  uint16: [0, 0xffff],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const bytes = (min: number, max: number): fc.Arbitrary<Buffer> =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a));

/** The value a decoder yields for a field the version does not carry. */
export function defaultValue(f: FieldSchema): Value {
  if (f.default === 'null') return null;
  const t = f.type;
  if (t.kind === 'array') return [];
  if (t.kind === 'struct') return defaultStruct(t.struct);
  switch (t.type) {
    case 'bool':
      return f.default === 'true';
    case 'string':
      return f.default ?? '';
    case 'bytes':
      return Buffer.alloc(0);
    case 'records':
      return null;
    case 'uuid':
      return Buffer.alloc(16);
    default:
      return Number(f.default ?? 0);
  }
}

function defaultStruct(s: StructSchema): Record<string, Value> {
  return Object.fromEntries(s.fields.map((f) => [camel(f.name), defaultValue(f)]));
}

export const camel = (s: string): string => s[0]!.toLowerCase() + s.slice(1);

function typeArb(t: FieldType, v: number, depth: number): fc.Arbitrary<Value> {
  if (t.kind === 'array') return fc.array(typeArb(t.element, v, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
  if (t.kind === 'struct') return structArb(t.struct, v, depth + 1);
  switch (t.type) {
    case 'bool':
      return fc.boolean();
    case 'string':
      return fc.string({ unit: 'grapheme', maxLength: 6 });
    case 'bytes':
    case 'records':
      return bytes(0, 24);
    case 'uuid':
      return bytes(16, 16);
    case 'float64':
      return fc.double({ noNaN: true });
    default: {
      const [min, max] = INT_RANGES[t.type]!;
      return fc.oneof(fc.constantFrom(min, max, 0, -1), fc.integer({ min, max }));
    }
  }
}

function fieldArb(f: FieldSchema, v: number, depth: number): fc.Arbitrary<Value> {
  if (!contains(f.versions, v)) return fc.constant(defaultValue(f));
  const value = typeArb(f.type, v, depth);
  // Records fields are nullable bytes whatever the schema says of other versions.
  const nullable =
    contains(f.nullableVersions, v) || (f.type.kind === 'primitive' && f.type.type === 'records');
  if (!nullable) return value;
  return fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
}

/** Messages of `s` valid in version `v`, with every field present (as decoding yields). */
export function structArb(s: StructSchema, v: number, depth = 0): fc.Arbitrary<Record<string, Value>> {
  const model: Record<string, fc.Arbitrary<Value>> = {};
  for (const f of s.fields) model[camel(f.name)] = fieldArb(f, v, depth);
  return fc.record(model);
}
