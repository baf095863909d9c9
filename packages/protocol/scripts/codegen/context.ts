/**
 * What the code emitters need to know of one message: struct names, the versions in which
 * each struct and field exists, and the TypeScript expressions for types and defaults.
 */
import type {
  ApiSchema,
  FieldSchema,
  FieldType,
  MessageSchema,
  StructSchema,
  VersionRange,
} from '../../schema/model.js';
import { intersect, isEmptyRange } from '../../schema/model.js';

export const camel = (s: string): string => s[0]!.toLowerCase() + s.slice(1);
export const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export class MessageContext {
  /** TypeScript name of each struct (the top-level one is named after the message). */
  readonly names = new Map<StructSchema, string>();
  /** Versions in which each struct can occur (a hull, for structs used in several places). */
  private readonly ranges = new Map<StructSchema, VersionRange>();
  private readonly fieldRange = new Map<FieldSchema, VersionRange>();
  readonly needDefault = new Set<StructSchema>();
  readonly needIsDefault = new Set<StructSchema>();
  /** Helpers of src/messages/internal/codec-support.ts that the emitted code calls. */
  readonly helpers = new Set<string>();
  private tmp = 0;

  constructor(
    private readonly api: ApiSchema,
    readonly msg: MessageSchema,
  ) {
    this.collect(msg.struct, msg.validVersions);
  }

  private collect(s: StructSchema, range: VersionRange): void {
    const prev = this.ranges.get(s);
    if (prev && prev.min <= range.min && prev.max >= range.max) return;
    const hull = prev ? { min: Math.min(prev.min, range.min), max: Math.max(prev.max, range.max) } : range;
    this.ranges.set(s, hull);
    if (!this.names.has(s)) {
      const name =
        s === this.msg.struct
          ? this.msg.name
          : s.name.startsWith(this.api.name)
            ? s.name
            : this.msg.name + s.name;
      for (const [other, n] of this.names) {
        if (n === name && other !== s) throw new Error(`${this.msg.name}: two structs named ${name}`);
      }
      this.names.set(s, name);
    }
    for (const f of s.fields) {
      this.fieldRange.set(f, hull);
      const el = f.type.kind === 'array' ? f.type.element : f.type;
      const inner = intersect(f.versions, hull);
      if (el.kind === 'struct' && !isEmptyRange(inner)) this.collect(el.struct, inner);
      if (f.type.kind === 'struct') {
        this.needDefault.add(f.type.struct);
        if (f.tag !== undefined) this.needIsDefault.add(f.type.struct);
      }
      if (
        f.tag !== undefined &&
        (f.taggedVersions.min !== f.versions.min || f.taggedVersions.max !== f.versions.max)
      ) {
        throw new Error(`${this.msg.name}.${f.name}: tagged versions must equal versions`);
      }
      if (el.kind === 'array')
        throw new Error(`${this.msg.name}.${f.name}: arrays of arrays are not supported`);
    }
  }

  /** A fresh local variable name. */
  local(prefix: string): string {
    return `${prefix}${this.tmp++}`;
  }

  typeName(s: StructSchema): string {
    return this.names.get(s)!;
  }

  structRange(s: StructSchema): VersionRange {
    return this.ranges.get(s)!;
  }

  /** Versions in which the field is on the wire (within its struct's versions). */
  present(f: FieldSchema): VersionRange {
    return intersect(f.versions, this.fieldRange.get(f)!);
  }

  /** Whether every version of its struct carries the field as a regular (untagged) field. */
  required(f: FieldSchema): boolean {
    const p = this.present(f);
    const all = this.fieldRange.get(f)!;
    return f.tag === undefined && p.min === all.min && p.max === all.max;
  }

  /** A condition on `v` for `r`, given that v is within `within`: 'true', 'false' or code. */
  cond(r: VersionRange, within: VersionRange): string {
    if (isEmptyRange(r)) return 'false';
    const parts: string[] = [];
    if (r.min > within.min) parts.push(`v >= ${r.min}`);
    if (r.max < within.max) parts.push(`v <= ${r.max}`);
    return parts.length === 0 ? 'true' : parts.join(' && ');
  }

  /** Whether the message is flexible (compact types, tagged fields), as `cond` does. */
  flexCond(within: VersionRange): string {
    const f = intersect(this.msg.flexibleVersions, within);
    if (isEmptyRange(f)) return 'false';
    if (f.min === within.min && f.max === within.max) return 'true';
    return this.cond(f, within);
  }

  /** Whether some version that carries the field allows null. */
  nullable(f: FieldSchema): boolean {
    return !isEmptyRange(intersect(f.nullableVersions, this.present(f)));
  }

  /** Whether every version in `within` allows null. */
  alwaysNullable(f: FieldSchema, within: VersionRange): boolean {
    const n = intersect(f.nullableVersions, within);
    return !isEmptyRange(n) && n.min === within.min && n.max === within.max;
  }

  /** Whether the TypeScript type includes null (records are always nullable bytes). */
  mayBeNull(f: FieldSchema): boolean {
    return (
      this.nullable(f) || f.default === 'null' || (f.type.kind === 'primitive' && f.type.type === 'records')
    );
  }

  tsType(t: FieldType): string {
    if (t.kind === 'array') return `${this.tsType(t.element)}[]`;
    if (t.kind === 'struct') return this.typeName(t.struct);
    switch (t.type) {
      case 'bool':
        return 'boolean';
      case 'string':
        return 'string';
      case 'bytes':
      case 'records':
      case 'uuid':
        return 'Buffer';
      default:
        return 'number';
    }
  }

  fieldType(f: FieldSchema): string {
    const t = this.tsType(f.type);
    return this.mayBeNull(f) ? `${t} | null` : t;
  }

  defaultExpr(f: FieldSchema): string {
    const d = f.default;
    const t = f.type;
    if (d === 'null') return 'null';
    if (t.kind === 'array') return '[]';
    if (t.kind === 'struct') return `default${this.typeName(t.struct)}()`;
    switch (t.type) {
      case 'bool':
        return d === 'true' ? 'true' : 'false';
      case 'string':
        return JSON.stringify(d ?? '');
      case 'bytes':
        this.helpers.add('EMPTY_BYTES');
        return 'EMPTY_BYTES';
      case 'records':
        return 'null';
      case 'uuid':
        this.helpers.add('ZERO_UUID');
        return 'ZERO_UUID';
      default: {
        const n = Number(d ?? 0);
        if (!Number.isSafeInteger(n) && t.type !== 'float64') throw new Error(`bad default ${d}`);
        return String(n);
      }
    }
  }

  isDefaultExpr(f: FieldSchema, e: string): string {
    const t = f.type;
    if (f.default === 'null') return `${e} === null`;
    if (t.kind === 'array') {
      return this.mayBeNull(f) ? `(${e} !== null && ${e}.length === 0)` : `${e}.length === 0`;
    }
    if (t.kind === 'struct') return `isDefault${this.typeName(t.struct)}(${e})`;
    if (t.type === 'records') return `${e} === null`;
    if (t.type === 'bytes')
      return this.nullable(f) ? `(${e} !== null && ${e}.length === 0)` : `${e}.length === 0`;
    if (t.type === 'uuid') {
      this.helpers.add('isZeroUuid');
      return `isZeroUuid(${e})`;
    }
    return `${e} === ${this.defaultExpr(f)}`;
  }

  /** `flex` is a flexCond result: the compact form, the classic one, or a branch. */
  pick(flex: string, compact: string, classic: string, asExpression: boolean): string {
    if (flex === 'true') return compact;
    if (flex === 'false') return classic;
    return asExpression ? `(${flex} ? ${compact} : ${classic})` : `if (${flex}) ${compact}; else ${classic}`;
  }
}
