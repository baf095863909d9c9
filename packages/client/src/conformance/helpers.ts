/**
 * Helpers of the conformance tests: unique names (so the suite can run against a shared
 * cluster), and bounded waits on a condition driven by polling.
 */
import { randomBytes } from 'node:crypto';
import type { TopicPartition } from '../api/common.js';
import type { ConsumerConfig } from '../api/consumer-config.js';
import type { Consumer, ConsumerRecord } from '../api/consumer.js';
import type { ConformanceHarness } from './harness.js';

/** A name no other test run uses, valid as a topic, group or transactional id. */
export function uniqueName(prefix: string): string {
  return `rill-conformance-${prefix}-${randomBytes(5).toString('hex')}`;
}

/** A consumer with the harness defaults under the test's own settings. */
export function makeConsumer(h: ConformanceHarness, config: ConsumerConfig): Consumer {
  return h.client.consumer({ ...(h.consumerDefaults as ConsumerConfig | undefined), ...config });
}

/** Sorted `topic-partition` names, for comparing assignments. */
export function tpNames(partitions: readonly TopicPartition[]): string[] {
  return partitions.map((p) => `${p.topic}-${p.partition}`).sort();
}

/**
 * Poll `consumers` concurrently (a group only rebalances while its members poll) until
 * `done()` holds, collecting records per consumer. Fails with `what` if `waitMs` passes first.
 */
export async function pollUntil(
  consumers: readonly Consumer[],
  done: (records: readonly ConsumerRecord[][]) => boolean,
  what: string,
  waitMs: number,
  onPoll?: () => void,
): Promise<ConsumerRecord[][]> {
  const records: ConsumerRecord[][] = consumers.map(() => []);
  const deadline = Date.now() + waitMs;
  let finished = done(records);
  let failure: unknown;
  await Promise.all(
    consumers.map(async (c, i) => {
      while (!finished && failure === undefined && Date.now() < deadline) {
        try {
          const batch = await c.poll(Math.min(100, Math.max(1, deadline - Date.now())));
          for (const p of batch.partitions) records[i]!.push(...p.records);
        } catch (e) {
          failure = e;
          return;
        }
        onPoll?.();
        if (done(records)) finished = true;
      }
    }),
  );
  if (failure !== undefined) throw failure;
  if (!finished)
    throw new Error(
      `Timed out after ${waitMs} ms waiting for ${what} (${records.map((r) => r.length).join('/')} records)`,
    );
  return records;
}

/** Group records by `topic-partition`, keeping their order. */
export function byPartition(records: readonly ConsumerRecord[]): Map<string, ConsumerRecord[]> {
  const out = new Map<string, ConsumerRecord[]>();
  for (const r of records) {
    const key = `${r.topic}-${r.partition}`;
    const list = out.get(key);
    if (list === undefined) out.set(key, [r]);
    else list.push(r);
  }
  return out;
}

/** Values as UTF-8 strings. */
export function values(records: readonly ConsumerRecord[]): string[] {
  return records.map((r) => r.value?.toString('utf8') ?? '<null>');
}
