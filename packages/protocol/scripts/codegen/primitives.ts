/** Reader/Writer calls for Kafka's primitive types, in classic and compact (flexible) form. */
import type { MessageContext } from './context.js';

export function primWrite(
  ctx: MessageContext,
  type: string,
  e: string,
  nullable: boolean,
  flex: string,
): string {
  switch (type) {
    case 'bool':
      return `w.boolean(${e})`;
    case 'string':
      return nullable
        ? ctx.pick(flex, `w.compactNullableString(${e})`, `w.nullableString(${e})`, false)
        : ctx.pick(flex, `w.compactString(${e})`, `w.string(${e})`, false);
    case 'bytes':
    case 'records':
      return nullable
        ? ctx.pick(flex, `w.compactNullableBytes(${e})`, `w.nullableBytes(${e})`, false)
        : ctx.pick(flex, `w.compactBytes(${e})`, `w.bytes(${e})`, false);
    default:
      return `w.${type}(${e})`;
  }
}

export function primRead(ctx: MessageContext, type: string, nullable: boolean, flex: string): string {
  switch (type) {
    case 'bool':
      return 'r.boolean()';
    case 'string':
      return nullable
        ? ctx.pick(flex, 'r.compactNullableString()', 'r.nullableString()', true)
        : ctx.pick(flex, 'r.compactString()', 'r.string()', true);
    case 'bytes':
    case 'records':
      return nullable
        ? ctx.pick(flex, 'r.compactNullableBytes()', 'r.nullableBytes()', true)
        : ctx.pick(flex, 'r.compactBytes()', 'r.bytes()', true);
    default:
      return `r.${type}()`;
  }
}
