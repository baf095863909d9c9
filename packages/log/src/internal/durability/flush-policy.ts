/**
 * The flush policy of a topic (DESIGN.md decision 8). With neither `flush.messages` nor
 * `flush.ms` set, Rill uses group commit: fsyncs batched every `rill.group.commit.ms`, and an
 * append is acknowledged (and visible) only once fsynced. With either set, Kafka's semantics:
 * an append is acknowledged once written, and fsync happens every `flush.messages` messages
 * and at least every `flush.ms`; both at LONG_MAX means never.
 */
import { LONG_MAX, type TopicConfig } from '../config/topic-config.js';

export type FlushPolicy =
  | { readonly kind: 'group-commit'; readonly windowMs: number }
  | { readonly kind: 'interval'; readonly messages: number; readonly ms: number };

export function flushPolicyOf(config: Readonly<TopicConfig>): FlushPolicy {
  const messages = config['flush.messages'];
  const ms = config['flush.ms'];
  if (messages === null && ms === null)
    return { kind: 'group-commit', windowMs: Math.max(0, config['rill.group.commit.ms']) };
  return { kind: 'interval', messages: messages ?? LONG_MAX, ms: ms ?? LONG_MAX };
}

/** Largest delay a JS timer honours (larger values fire immediately); beyond it means "never". */
export const MAX_TIMER_MS = 0x7fffffff;
