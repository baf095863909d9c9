/** Emits a struct's reader: `read<Struct>(r, v)`, or `decode<Message>` at the top. */
import type { FieldSchema, StructSchema, VersionRange } from '../../schema/model.js';
import { camel, type MessageContext } from './context.js';
import { primRead } from './primitives.js';

/** An expression reading field `f` in a version that carries it; `pre` gets any statements it needs. */
function readValue(
  ctx: MessageContext,
  f: FieldSchema,
  within: VersionRange,
  ind: string,
  pre: string[],
): string {
  const flex = ctx.flexCond(within);
  const nullable = ctx.nullable(f) || (f.type.kind === 'primitive' && f.type.type === 'records');
  const label = `${ctx.msg.name}.${camel(f.name)}`;
  const t = f.type;
  let expr: string;
  if (t.kind === 'struct') expr = `read${ctx.typeName(t.struct)}(r, v)`;
  else if (t.kind === 'primitive') expr = primRead(ctx, t.type, nullable, flex);
  else {
    ctx.helpers.add('checkCount');
    const n = ctx.local('n');
    const a = ctx.local('a');
    const i = ctx.local('i');
    const el = t.element;
    const elType = ctx.tsType(el);
    const elRead =
      el.kind === 'struct'
        ? `read${ctx.typeName(el.struct)}(r, v)`
        : el.kind === 'primitive'
          ? primRead(ctx, el.type, false, flex)
          : '';
    pre.push(`${ind}const ${n} = ${ctx.pick(flex, 'r.unsignedVarint() - 1', 'r.int32()', true)};`);
    if (nullable) {
      pre.push(`${ind}let ${a}: ${elType}[] | null = null;`);
      pre.push(`${ind}if (${n} >= 0) {`);
      pre.push(`${ind}  checkCount(r, ${n});`);
      pre.push(`${ind}  ${a} = new Array<${elType}>(${n});`);
      pre.push(`${ind}  for (let ${i} = 0; ${i} < ${n}; ${i}++) ${a}[${i}] = ${elRead};`);
      pre.push(`${ind}}`);
    } else {
      ctx.helpers.add('nullOnWire');
      pre.push(`${ind}if (${n} < 0) throw nullOnWire('${label}', v);`);
      pre.push(`${ind}checkCount(r, ${n});`);
      pre.push(`${ind}const ${a} = new Array<${elType}>(${n});`);
      pre.push(`${ind}for (let ${i} = 0; ${i} < ${n}; ${i}++) ${a}[${i}] = ${elRead};`);
    }
    expr = a;
  }
  if (nullable && !ctx.alwaysNullable(f, within)) {
    ctx.helpers.add('nullOnWire');
    const x = ctx.local('x');
    pre.push(`${ind}const ${x} = ${expr};`);
    pre.push(
      `${ind}if (${x} === null && !(${ctx.cond(f.nullableVersions, within)})) throw nullOnWire('${label}', v);`,
    );
    return x;
  }
  return expr;
}

/** Known tags are read from a reader bounded to their size; unknown ones are skipped. */
function taggedSection(ctx: MessageContext, s: StructSchema, all: VersionRange): string[] {
  const tagged = s.fields.filter((f) => f.tag !== undefined).sort((a, b) => a.tag! - b.tag!);
  if (tagged.length === 0) {
    ctx.helpers.add('skipTaggedFields');
    return ['skipTaggedFields(r);'];
  }
  ctx.helpers.add('taggedReader');
  const body = [
    'const tagCount = r.unsignedVarint();',
    'for (let t = 0; t < tagCount; t++) {',
    '  const tag = r.unsignedVarint();',
    '  const tr = taggedReader(r);',
    '  switch (tag) {',
  ];
  for (const f of tagged) {
    const c = ctx.cond(ctx.present(f), all);
    const pre: string[] = [];
    const e = readValue(ctx, f, ctx.present(f), '        ', pre);
    body.push(`    case ${f.tag}: if (${c}) {`);
    body.push('      const r = tr;');
    body.push(...pre.map((l) => l.slice(2)), `      _${camel(f.name)} = ${e};`);
    body.push('    } break;');
  }
  body.push('    default: break; // unknown tags are skipped, as Kafka does', '  }', '}');
  return body;
}

export function emitReader(ctx: MessageContext, s: StructSchema, out: string[]): void {
  const name = ctx.typeName(s);
  const all = ctx.structRange(s);
  if (s === ctx.msg.struct) {
    out.push(`/** Reads {@link ${name}} in \`version\`; byte fields are views into the reader's buffer. */`);
    out.push(`export function decode${name}(r: Reader, version: number): ${name} {`);
    out.push(`  checkVersion('${name}', version, ${all.min}, ${all.max});`);
    out.push('  const v = version;');
  } else {
    out.push(`function read${name}(r: Reader, v: number): ${name} {`);
  }
  for (const f of s.fields) {
    const local = `_${camel(f.name)}`;
    const p = ctx.present(f);
    const c = ctx.cond(p, all);
    const type = ctx.fieldType(f);
    if (f.tag !== undefined || c === 'false') {
      out.push(`  let ${local}: ${type} = ${ctx.defaultExpr(f)};`);
    } else if (c === 'true') {
      const pre: string[] = [];
      const e = readValue(ctx, f, p, '  ', pre);
      out.push(...pre, `  const ${local}: ${type} = ${e};`);
    } else {
      out.push(`  let ${local}: ${type};`, `  if (${c}) {`);
      const pre: string[] = [];
      const e = readValue(ctx, f, p, '    ', pre);
      out.push(...pre, `    ${local} = ${e};`, `  } else {`, `    ${local} = ${ctx.defaultExpr(f)};`, '  }');
    }
  }
  const fx = ctx.flexCond(all);
  if (fx !== 'false') {
    const body = taggedSection(ctx, s, all);
    if (fx === 'true') out.push(...body.map((l) => `  ${l}`));
    else out.push(`  if (${fx}) {`, ...body.map((l) => `    ${l}`), '  }');
  }
  out.push(`  return { ${s.fields.map((f) => `${camel(f.name)}: _${camel(f.name)}`).join(', ')} };`);
  out.push('}', '');
}
