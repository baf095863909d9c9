/** Emits a struct's writer: `write<Struct>(w, m, v)`, or `encode<Message>` at the top. */
import type { FieldSchema, StructSchema, VersionRange } from '../../schema/model.js';
import { camel, type MessageContext } from './context.js';
import { primWrite } from './primitives.js';

/** Statements writing value `e` of field `f`, in a version that carries it. */
function writeValue(
  ctx: MessageContext,
  f: FieldSchema,
  e: string,
  within: VersionRange,
  ind: string,
): string[] {
  const flex = ctx.flexCond(within);
  const nullable = ctx.mayBeNull(f);
  const lines: string[] = [];
  const label = `${ctx.msg.name}.${camel(f.name)}`;
  if (nullable && !ctx.alwaysNullable(f, within)) {
    ctx.helpers.add('nullNotAllowed');
    lines.push(
      `${ind}if (${e} === null && !(${ctx.cond(f.nullableVersions, within)})) throw nullNotAllowed('${label}', v);`,
    );
  }
  const t = f.type;
  if (t.kind === 'struct') {
    lines.push(`${ind}write${ctx.typeName(t.struct)}(w, ${e}, v);`);
    return lines;
  }
  if (t.kind === 'primitive') {
    lines.push(`${ind}${primWrite(ctx, t.type, e, nullable, flex)};`);
    return lines;
  }
  const a = ctx.local('a');
  const i = ctx.local('i');
  lines.push(`${ind}const ${a} = ${e};`);
  const header = ctx.pick(flex, `w.unsignedVarint(${a}.length + 1)`, `w.int32(${a}.length)`, false);
  const el = t.element;
  const item = `${a}[${i}]!`;
  const elWrite =
    el.kind === 'struct'
      ? `write${ctx.typeName(el.struct)}(w, ${item}, v)`
      : el.kind === 'primitive'
        ? primWrite(ctx, el.type, item, false, flex)
        : '';
  const body = `${ind}  ${header};\n${ind}  for (let ${i} = 0; ${i} < ${a}.length; ${i}++) { ${elWrite}; }`;
  if (nullable) {
    const nullHeader = ctx.pick(flex, 'w.unsignedVarint(0)', 'w.int32(-1)', false);
    lines.push(`${ind}if (${a} === null) { ${nullHeader}; } else {`, body, `${ind}}`);
  } else {
    lines.push(`${ind}{`, body, `${ind}}`);
  }
  return lines;
}

/** Kafka's rule for a version that lacks a non-ignorable field: only its default may be dropped. */
function absentCheck(ctx: MessageContext, f: FieldSchema, e: string): string[] {
  if (f.ignorable) return [];
  ctx.helpers.add('fieldNotInVersion');
  return [
    `  if (${e} !== undefined && !(${ctx.isDefaultExpr(f, e)})) throw fieldNotInVersion('${ctx.msg.name}.${camel(f.name)}', v);`,
  ];
}

/** Tagged fields are written only when they differ from their defaults, in tag order. */
function taggedSection(ctx: MessageContext, s: StructSchema, all: VersionRange): string[] {
  const tagged = s.fields.filter((f) => f.tag !== undefined).sort((a, b) => a.tag! - b.tag!);
  if (tagged.length === 0) return ['w.unsignedVarint(0);'];
  ctx.helpers.add('taggedData');
  ctx.helpers.add('writeTaggedFields');
  const body = ['let tagged: TaggedField[] | null = null;'];
  for (const f of tagged) {
    const e = `m.${camel(f.name)}`;
    const c = ctx.cond(ctx.present(f), all);
    body.push(`if (${c === 'true' ? '' : `${c} && `}${e} !== undefined && !(${ctx.isDefaultExpr(f, e)})) {`);
    body.push(`  const x = ${e};`);
    const inner = writeValue(ctx, f, 'x', ctx.present(f), '    ');
    body.push(
      `  (tagged ??= []).push({ tag: ${f.tag}, data: taggedData((w) => {`,
      ...inner.map((l) => l.slice(2)),
      '  }) });',
    );
    body.push('}');
  }
  body.push('writeTaggedFields(w, tagged);');
  return body;
}

export function emitWriter(ctx: MessageContext, s: StructSchema, out: string[]): void {
  const name = ctx.typeName(s);
  const all = ctx.structRange(s);
  if (s === ctx.msg.struct) {
    ctx.helpers.add('checkVersion');
    out.push(
      `/** Writes {@link ${name}} in \`version\`; throws ProtocolError INVALID_ARGUMENT if it cannot. */`,
    );
    out.push(`export function encode${name}(m: ${name}, version: number, w: Writer): void {`);
    out.push(`  checkVersion('${name}', version, ${all.min}, ${all.max});`);
    out.push('  const v = version;');
  } else {
    out.push(`function write${name}(w: Writer, m: ${name}, v: number): void {`);
  }
  for (const f of s.fields) {
    const p = ctx.present(f);
    const e = `m.${camel(f.name)}`;
    // `??` would turn a null into the default, so nullable fields test for undefined only.
    const val = ctx.required(f)
      ? e
      : ctx.mayBeNull(f)
        ? `(${e} === undefined ? ${ctx.defaultExpr(f)} : ${e})`
        : `(${e} ?? ${ctx.defaultExpr(f)})`;
    const c = ctx.cond(p, all);
    if (f.tag !== undefined) {
      const notPresent = c === 'true' ? [] : absentCheck(ctx, f, e);
      if (notPresent.length > 0) out.push(`  if (!(${c})) {`, ...notPresent.map((l) => `  ${l}`), '  }');
      continue;
    }
    if (c === 'true') out.push(...writeValue(ctx, f, val, p, '  '));
    else if (c === 'false') out.push(...absentCheck(ctx, f, e));
    else {
      out.push(`  if (${c}) {`, ...writeValue(ctx, f, val, p, '    '));
      const notPresent = absentCheck(ctx, f, e);
      if (notPresent.length > 0) out.push('  } else {', ...notPresent.map((l) => `  ${l}`));
      out.push('  }');
    }
  }
  const fx = ctx.flexCond(all);
  if (fx !== 'false') {
    const body = taggedSection(ctx, s, all);
    if (fx === 'true') out.push(...body.map((l) => `  ${l}`));
    else out.push(`  if (${fx}) {`, ...body.map((l) => `    ${l}`), '  }');
  }
  out.push('}', '');
}
