/**
 * The compact schema language of Rill's Kafka API declarations, and its parser.
 *
 * Each API is declared once (see `schema/apis/*.ts`) with its request and response bodies
 * written as indented field lines, one field per line:
 *
 *   <Name> <type> [v<versions>] [nullable:<versions>] [tag:<n>@<versions>] [ignorable] [default:<value>]
 *
 * - `type` is `int8 | int16 | int32 | int64 | uint16 | float64 | bool | string | bytes | uuid |
 *   records`, `[]<primitive>`, `[]<StructName>` or `<StructName>`; a struct's fields follow,
 *   indented, unless the struct is one of the API's `common` structs.
 * - versions are Kafka's notation: `3`, `3+`, `0-7`, `none`; a field without `v...` exists in
 *   every version of its message.
 * - `tag:<n>@<versions>` makes the field a tagged field (tag n) in those versions.
 * - `ignorable`: the field may be silently dropped when writing a version that lacks it;
 *   otherwise writing a non-default value to such a version is an error (Kafka's rule).
 * - `default:<value>` is Kafka's default (numbers, `true`/`false`, `null`, or a string);
 *   without it: 0, false, "", empty bytes/array, null records, the zero uuid.
 *
 * The facts come from Kafka's published message definitions
 * (clients/src/main/resources/common/message/*.json), restated by hand.
 */

/** An inclusive version range; `max` is Infinity for `N+`; `none` is min 1, max 0. */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

export type PrimitiveType =
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint16'
  | 'float64'
  | 'bool'
  | 'string'
  | 'bytes'
  | 'uuid'
  | 'records';

export const PRIMITIVE_TYPES: readonly PrimitiveType[] = [
  'int8',
  'int16',
  'int32',
  'int64',
  'uint16',
  'float64',
  'bool',
  'string',
  'bytes',
  'uuid',
  'records',
];

export type FieldType =
  | { readonly kind: 'primitive'; readonly type: PrimitiveType }
  | { readonly kind: 'array'; readonly element: FieldType }
  | { readonly kind: 'struct'; readonly struct: StructSchema };

export interface FieldSchema {
  /** Kafka's (PascalCase) field name. */
  readonly name: string;
  readonly type: FieldType;
  readonly versions: VersionRange;
  readonly nullableVersions: VersionRange;
  readonly taggedVersions: VersionRange;
  readonly tag: number | undefined;
  readonly ignorable: boolean;
  /** The declared default, as written (undefined: the type's zero value). */
  readonly default: string | undefined;
}

export interface StructSchema {
  /** Kafka's struct name (the top-level struct is named after the message). */
  readonly name: string;
  readonly fields: readonly FieldSchema[];
}

export interface MessageSchema {
  /** e.g. `ProduceRequest`. */
  readonly name: string;
  readonly apiKey: number;
  readonly validVersions: VersionRange;
  readonly flexibleVersions: VersionRange;
  readonly struct: StructSchema;
}

/** One API as declared in `schema/apis/`. */
export interface ApiDeclaration {
  /** Kafka's API name, e.g. `Produce`. */
  readonly name: string;
  readonly apiKey: number;
  readonly versions: string;
  readonly flexibleVersions: string;
  /** Versions Kafka marks unstable (`latestVersionUnstable`): decodable, not advertised. */
  readonly unstableFrom?: number;
  readonly request: string;
  readonly response: string;
  /** Structs shared between fields (Kafka's `commonStructs`), by name. */
  readonly common?: Readonly<Record<string, string>>;
}

export interface ApiSchema {
  readonly name: string;
  readonly apiKey: number;
  readonly validVersions: VersionRange;
  readonly flexibleVersions: VersionRange;
  /** Highest version a broker should advertise. */
  readonly maxStableVersion: number;
  readonly request: MessageSchema;
  readonly response: MessageSchema;
}

export const NO_VERSIONS: VersionRange = { min: 1, max: 0 };

export function parseVersions(text: string): VersionRange {
  if (text === 'none') return NO_VERSIONS;
  const plus = /^(\d+)\+$/.exec(text);
  if (plus) return { min: Number(plus[1]), max: Infinity };
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  if (/^\d+$/.test(text)) return { min: Number(text), max: Number(text) };
  throw new Error(`bad version range '${text}'`);
}

export function isEmptyRange(r: VersionRange): boolean {
  return r.min > r.max;
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  return min > max ? NO_VERSIONS : { min, max };
}

export function contains(r: VersionRange, v: number): boolean {
  return v >= r.min && v <= r.max;
}

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly lineNo: number;
}

function lines(block: string): Line[] {
  const out: Line[] = [];
  block.split('\n').forEach((raw, i) => {
    const text = raw.replace(/#.*$/, '').trimEnd();
    if (text.trim() === '') return;
    out.push({ indent: text.length - text.trimStart().length, text: text.trim(), lineNo: i + 1 });
  });
  return out;
}

class Parser {
  private readonly commons = new Map<string, StructSchema>();
  private readonly commonText: Readonly<Record<string, string>>;

  constructor(
    private readonly where: string,
    common: Readonly<Record<string, string>> | undefined,
  ) {
    this.commonText = common ?? {};
  }

  private common(name: string): StructSchema | undefined {
    const done = this.commons.get(name);
    if (done) return done;
    const text = this.commonText[name];
    if (text === undefined) return undefined;
    const ls = lines(text);
    const struct = { name, fields: this.fields(ls, 0, ls.length, `${this.where} common ${name}`) };
    this.commons.set(name, struct);
    return struct;
  }

  /** Parses lines [from, to) that all belong to one struct (same indent). */
  fields(ls: readonly Line[], from: number, to: number, where: string): FieldSchema[] {
    const out: FieldSchema[] = [];
    let i = from;
    while (i < to) {
      const line = ls[i]!;
      let j = i + 1;
      while (j < to && ls[j]!.indent > line.indent) j++;
      if (j > i + 1 && ls[i + 1]!.indent <= line.indent)
        throw new Error(`${where}:${line.lineNo}: bad indent`);
      out.push(this.field(line, ls, i + 1, j, where));
      i = j;
    }
    const names = new Set<string>();
    for (const f of out) {
      if (names.has(f.name)) throw new Error(`${where}: duplicate field ${f.name}`);
      names.add(f.name);
    }
    return out;
  }

  private field(line: Line, ls: readonly Line[], from: number, to: number, where: string): FieldSchema {
    const at = `${where}:${line.lineNo}`;
    const [name, typeText, ...attrs] = line.text.split(/\s+/);
    if (!name || !typeText || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`${at}: bad field line`);
    let versions: VersionRange = { min: 0, max: Infinity };
    let nullableVersions = NO_VERSIONS;
    let taggedVersions = NO_VERSIONS;
    let tag: number | undefined;
    let ignorable = false;
    let dflt: string | undefined;
    for (const a of attrs) {
      if (a.startsWith('v')) versions = parseVersions(a.slice(1));
      else if (a.startsWith('nullable:')) nullableVersions = parseVersions(a.slice(9));
      else if (a.startsWith('tag:')) {
        const m = /^tag:(\d+)@(.+)$/.exec(a);
        if (!m) throw new Error(`${at}: bad tag '${a}'`);
        tag = Number(m[1]);
        taggedVersions = parseVersions(m[2]!);
      } else if (a === 'ignorable') ignorable = true;
      else if (a.startsWith('default:')) dflt = a.slice(8);
      else throw new Error(`${at}: unknown attribute '${a}'`);
    }
    const hasChildren = to > from;
    const type = this.type(typeText, at, () => ({
      name: typeText.replace(/^\[\]/, ''),
      fields: this.fields(ls, from, to, where),
    }));
    if (
      hasChildren &&
      !(type.kind === 'struct' || (type.kind === 'array' && type.element.kind === 'struct'))
    ) {
      throw new Error(`${at}: only struct fields have child lines`);
    }
    return { name, type, versions, nullableVersions, taggedVersions, tag, ignorable, default: dflt };
  }

  private type(text: string, at: string, inline: () => StructSchema): FieldType {
    if (text.startsWith('[]')) return { kind: 'array', element: this.type(text.slice(2), at, inline) };
    if ((PRIMITIVE_TYPES as readonly string[]).includes(text)) {
      return { kind: 'primitive', type: text as PrimitiveType };
    }
    if (!/^[A-Z][A-Za-z0-9]*$/.test(text)) throw new Error(`${at}: bad type '${text}'`);
    const common = this.common(text);
    if (common) return { kind: 'struct', struct: common };
    const struct = inline();
    if (struct.fields.length === 0) throw new Error(`${at}: struct ${text} has no fields`);
    return { kind: 'struct', struct };
  }
}

function message(decl: ApiDeclaration, kind: 'Request' | 'Response', body: string): MessageSchema {
  const name = `${decl.name}${kind}`;
  const ls = lines(body);
  const indent = ls[0]?.indent ?? 0;
  if (ls.some((l) => l.indent < indent)) throw new Error(`${name}: a line is left of the first`);
  const parser = new Parser(name, decl.common);
  return {
    name,
    apiKey: decl.apiKey,
    validVersions: parseVersions(decl.versions),
    flexibleVersions: parseVersions(decl.flexibleVersions),
    struct: { name, fields: parser.fields(ls, 0, ls.length, name) },
  };
}

/** Parses one API declaration into its request and response schemas. */
export function parseApi(decl: ApiDeclaration): ApiSchema {
  const validVersions = parseVersions(decl.versions);
  return {
    name: decl.name,
    apiKey: decl.apiKey,
    validVersions,
    flexibleVersions: parseVersions(decl.flexibleVersions),
    maxStableVersion: decl.unstableFrom === undefined ? validVersions.max : decl.unstableFrom - 1,
    request: message(decl, 'Request', decl.request),
    response: message(decl, 'Response', decl.response),
  };
}
