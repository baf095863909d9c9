/**
 * Test helpers for assignor tests: member construction and fast-check arbitraries of groups.
 */
import fc from 'fast-check';
import type { TopicPartition } from '../../src/api/common.js';
import type { AssignmentInput, GroupMember } from '../../src/assignors/types.js';

export const runs = Number(process.env.RILL_PROPERTY_RUNS ?? 100);

export interface MemberOptions {
  readonly owned?: readonly TopicPartition[];
  readonly generationId?: number;
  readonly groupInstanceId?: string | null;
  readonly userData?: Buffer | null;
}

export function member(memberId: string, topics: readonly string[], opts: MemberOptions = {}): GroupMember {
  return {
    memberId,
    groupInstanceId: opts.groupInstanceId ?? null,
    topics,
    userData: opts.userData ?? null,
    ownedPartitions: opts.owned ?? [],
    generationId: opts.generationId ?? -1,
    rackId: null,
  };
}

export function tp(topic: string, partition: number): TopicPartition {
  return { topic, partition };
}

/** `'t-0 t-1'` style rendering of partitions, for readable expectations. */
export function names(partitions: readonly TopicPartition[] | undefined): string {
  return (partitions ?? []).map((p) => `${p.topic}-${p.partition}`).join(' ');
}

export interface Scenario {
  readonly input: AssignmentInput;
  /** Topic names per member index, to check eligibility. */
  readonly uniform: boolean;
}

/**
 * Groups of 1..maxMembers members over 1..4 topics of 0..maxPartitions partitions. With
 * `uniform` every member subscribes to all topics; otherwise each to a random non-empty subset.
 * Members own a random disjoint set of partitions (some of topics they no longer subscribe to),
 * all in generation `generation`.
 */
export function scenarioArb(options: {
  uniform: boolean;
  maxMembers?: number;
  maxPartitions?: number;
  owned?: boolean;
}): fc.Arbitrary<Scenario> {
  const maxMembers = options.maxMembers ?? 8;
  const maxPartitions = options.maxPartitions ?? 8;
  return fc
    .record({
      counts: fc.array(fc.nat({ max: maxPartitions }), { minLength: 1, maxLength: 4 }),
      memberCount: fc.integer({ min: 1, max: maxMembers }),
    })
    .chain(({ counts, memberCount }) => {
      const topics = counts.map((_, i) => `t${i}`);
      const total = counts.reduce((a, b) => a + b, 0);
      return fc.record({
        counts: fc.constant(counts),
        topics: fc.constant(topics),
        subs: options.uniform
          ? fc.constant(Array.from({ length: memberCount }, () => topics))
          : fc.array(fc.subarray(topics, { minLength: 1 }), {
              minLength: memberCount,
              maxLength: memberCount,
            }),
        owners:
          options.owned === false
            ? fc.constant(Array.from({ length: total }, () => -1))
            : fc.array(fc.integer({ min: -1, max: memberCount - 1 }), { minLength: total, maxLength: total }),
        ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), {
          minLength: memberCount,
          maxLength: memberCount,
        }),
      });
    })
    .map(({ counts, topics, subs, owners, ids }) => {
      const owned: TopicPartition[][] = ids.map(() => []);
      let i = 0;
      counts.forEach((count, ti) => {
        for (let p = 0; p < count; p++, i++) if (owners[i]! >= 0) owned[owners[i]!]!.push(tp(topics[ti]!, p));
      });
      const members = ids.map((id, mi) =>
        member(id, subs[mi]!, { owned: owned[mi]!, generationId: owned[mi]!.length > 0 ? 5 : -1 }),
      );
      const partitionsPerTopic = new Map(topics.map((t, ti) => [t, counts[ti]!] as const));
      return { input: { members, partitionsPerTopic }, uniform: options.uniform };
    });
}

/** Members' assigned partition lists as a Map from a generic assignment result. */
export function sizes(
  result: ReadonlyMap<string, { readonly partitions: readonly TopicPartition[] }>,
): number[] {
  return [...result.values()].map((a) => a.partitions.length);
}

/**
 * Check that every partition of a topic some member subscribes to is assigned exactly once,
 * and only to a member that subscribes to its topic. Returns a message, or null if it holds.
 */
export function checkComplete(
  input: AssignmentInput,
  result: ReadonlyMap<string, { readonly partitions: readonly TopicPartition[] }>,
): string | null {
  const seen = new Map<string, string>();
  for (const m of input.members) {
    const a = result.get(m.memberId);
    if (a === undefined) return `no entry for member ${m.memberId}`;
    for (const p of a.partitions) {
      const key = `${p.topic}-${p.partition}`;
      if (!m.topics.includes(p.topic))
        return `${key} given to ${m.memberId}, which does not subscribe to ${p.topic}`;
      if (p.partition >= (input.partitionsPerTopic.get(p.topic) ?? 0)) return `${key} does not exist`;
      const other = seen.get(key);
      if (other !== undefined) return `${key} given to ${other} and ${m.memberId}`;
      seen.set(key, m.memberId);
    }
  }
  for (const [topic, count] of input.partitionsPerTopic) {
    if (!input.members.some((m) => m.topics.includes(topic))) continue;
    for (let p = 0; p < count; p++) if (!seen.has(`${topic}-${p}`)) return `${topic}-${p} not assigned`;
  }
  if (result.size !== input.members.length)
    return `result has ${result.size} entries for ${input.members.length} members`;
  return null;
}
