/** Emits one message (request or response): per struct, its type, defaults, writer and reader. */
import type { ApiSchema, MessageSchema, StructSchema } from '../../schema/model.js';
import { camel, MessageContext } from './context.js';
import { emitReader } from './emit-reader.js';
import { emitWriter } from './emit-writer.js';

function emitType(ctx: MessageContext, s: StructSchema, out: string[]): void {
  const name = ctx.typeName(s);
  const all = ctx.structRange(s);
  out.push(
    s === ctx.msg.struct
      ? `/** ${ctx.msg.name}, versions ${all.min}-${all.max}. */`
      : `/** Part of {@link ${ctx.msg.name}}. */`,
  );
  out.push(`export interface ${name} {`);
  for (const f of s.fields) {
    const p = ctx.present(f);
    const range = `v${p.min}${p.max === all.max ? '+' : p.max === p.min ? '' : `-${p.max}`}`;
    out.push(`  /** Kafka: ${f.name} (${range}${f.tag !== undefined ? `, tag ${f.tag}` : ''}). */`);
    out.push(`  ${camel(f.name)}${ctx.required(f) ? '' : '?'}: ${ctx.fieldType(f)};`);
  }
  out.push('}', '');
  if (ctx.needDefault.has(s)) {
    out.push(`function default${name}(): ${name} {`);
    out.push(`  return { ${s.fields.map((f) => `${camel(f.name)}: ${ctx.defaultExpr(f)}`).join(', ')} };`);
    out.push('}', '');
  }
  if (ctx.needIsDefault.has(s)) {
    out.push(`function isDefault${name}(m: ${name}): boolean {`);
    const checks = s.fields.map((f) => {
      const e = `m.${camel(f.name)}`;
      return ctx.required(f) ? ctx.isDefaultExpr(f, e) : `(${e} === undefined || ${ctx.isDefaultExpr(f, e)})`;
    });
    out.push(`  return ${checks.join(' && ')};`);
    out.push('}', '');
  }
}

/** The code of one message, and the codec-support helpers it calls. */
export function emitMessage(api: ApiSchema, msg: MessageSchema): { text: string; helpers: Set<string> } {
  const ctx = new MessageContext(api, msg);
  const out: string[] = [];
  // Nested structs first, so that the top-level type comes last; the order is stable.
  for (const s of [...ctx.names.keys()].reverse()) {
    emitType(ctx, s, out);
    emitWriter(ctx, s, out);
    emitReader(ctx, s, out);
  }
  return { text: out.join('\n'), helpers: ctx.helpers };
}
