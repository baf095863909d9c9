/**
 * KIP-447 hooks for transactional offset commits (TxnOffsetCommit): the group check that fences a
 * producer whose task moved (generation and member id), and pending offsets written inside the
 * producer's transaction that become committed only when the transaction commits.
 *
 * The transaction coordinator (a later piece) drives this: it calls
 * `commitTransactionalOffsets` for TxnOffsetCommit, and after writing the COMMIT/ABORT marker to
 * the group's `__consumer_offsets` partition it calls `completeTransaction`. Recovery replays the
 * markers, so pending offsets survive a restart as pending.
 */
import type { CoordinatorContext } from './context.js';
import { storeErrorCode } from './context.js';
import { ERR } from './error-codes.js';
import { Group } from './group.js';
import { CommitBatch } from './commit-batch.js';
import type { OffsetCommitResult, OffsetCommitTopic } from './group-types.js';

/** The consumer-group identity a transactional producer commits offsets under (KIP-447). */
export interface TxnGroupMetadata {
  readonly groupId: string;
  /** -1 when the producer does not use group management. */
  readonly generationId: number;
  /** '' when unknown. */
  readonly memberId: string;
  readonly groupInstanceId?: string | null;
}

/** TxnOffsetCommit. */
export interface TxnOffsetCommitRequest extends TxnGroupMetadata {
  readonly transactionalId: string;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly topics: readonly OffsetCommitTopic[];
}

/** Open transactional commits: producerId -> groups holding its pending offsets. */
export type OpenTransactions = Map<number, Set<string>>;

/**
 * Kafka's doTxnCommitOffsets checks: a stale generation or an unknown member can never commit.
 * @returns NONE, COORDINATOR_NOT_AVAILABLE, FENCED_INSTANCE_ID, UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION.
 */
export function validateTransactionalCommit(ctx: CoordinatorContext, m: TxnGroupMetadata): number {
  if (m.groupId === '') return ERR.INVALID_GROUP_ID;
  const group = ctx.groups.get(m.groupId);
  if (group === undefined)
    return m.memberId !== '' || m.generationId >= 0 ? ERR.ILLEGAL_GENERATION : ERR.NONE;
  if (group.is('Dead')) return ERR.COORDINATOR_NOT_AVAILABLE;
  if (group.isStaticMemberFenced(m.memberId, m.groupInstanceId)) return ERR.FENCED_INSTANCE_ID;
  if (m.memberId !== '' && !group.has(m.memberId)) return ERR.UNKNOWN_MEMBER_ID;
  if (m.generationId >= 0 && m.generationId !== group.generationId) return ERR.ILLEGAL_GENERATION;
  return ERR.NONE;
}

/** Write offsets inside the producer's transaction; they stay pending until `completeTransaction`. */
export async function commitTransactionalOffsets(
  ctx: CoordinatorContext,
  open: OpenTransactions,
  req: TxnOffsetCommitRequest,
): Promise<OffsetCommitResult> {
  const code = validateTransactionalCommit(ctx, req);
  const batch = new CommitBatch(req.topics, code);
  if (code !== ERR.NONE) return batch.result();
  let group = ctx.groups.get(req.groupId);
  if (group === undefined) ctx.groups.set(req.groupId, (group = new Group(req.groupId, ctx.clock.now())));
  batch.validate(ctx);
  const { toStore } = batch;
  if (toStore.length === 0) return batch.result();
  try {
    const txn = { producerId: req.producerId, producerEpoch: req.producerEpoch };
    const { baseOffset } = await ctx.store.storeOffsets(group.groupId, toStore, txn);
    toStore.forEach((o, k) =>
      group.offsets.addPendingTransactional(req.producerId, {
        topic: o.topic,
        partition: o.partition,
        ...o.value,
        recordOffset: baseOffset + k,
      }),
    );
    let groups = open.get(req.producerId);
    if (groups === undefined) open.set(req.producerId, (groups = new Set()));
    groups.add(group.groupId);
  } catch (e) {
    batch.failStored(storeErrorCode(e, true));
  }
  return batch.result();
}

/** The producer's transaction ended (its marker is durable): apply or drop its pending offsets. */
export function completeTransaction(
  ctx: CoordinatorContext,
  open: OpenTransactions,
  producerId: number,
  commit: boolean,
): void {
  const groups = open.get(producerId);
  if (groups === undefined) return;
  open.delete(producerId);
  for (const id of groups) ctx.groups.get(id)?.offsets.completeTransaction(producerId, commit);
}
