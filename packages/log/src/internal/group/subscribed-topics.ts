/**
 * The topics in a consumer-protocol subscription (ConsumerProtocolSubscription: int16 version,
 * then an array of topic names), which offset retention needs for Stable consumer groups (KIP-211).
 * The coordinator never trusts these bytes: anything unreadable means "unknown".
 */
import { Reader } from '@rill/protocol';

/** @returns the subscribed topics, or null if the bytes are not a readable subscription. */
export function subscribedTopicsOf(subscription: Buffer): string[] | null {
  if (subscription.length < 6) return null;
  const r = new Reader(subscription);
  const version = r.int16();
  if (version < 0) return null;
  const n = r.int32();
  if (n < 0 || n > r.remaining / 2) return null;
  const topics: string[] = [];
  for (let i = 0; i < n; i++) {
    if (r.remaining < 2) return null;
    const len = r.buffer.readInt16BE(r.position);
    if (len < 0 || len > r.remaining - 2) return null;
    topics.push(r.string());
  }
  return topics;
}
