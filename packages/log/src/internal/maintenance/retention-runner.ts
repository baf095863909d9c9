/**
 * One retention run over one partition (Kafka's UnifiedLog.deleteOldSegments): decide with the
 * pure retention policy, roll the active segment when every segment including it has expired
 * (then decide again, so the former active segment goes too), and delete by advancing the log
 * start offset to the first kept segment — which deletes whole segments below it durably and
 * stays correct even if compaction merged segments between the decision and the deletion.
 */
import { decideRetention, type RetentionReason } from '../cleaner/retention.js';
import type { Partition } from '../partition/partition.js';
import type { RetentionResult } from './types.js';

export async function applyRetention(p: Partition, now: number): Promise<RetentionResult> {
  const config = p.topicConfig;
  const deleteEnabled = config['cleanup.policy'].split(',').includes('delete');
  const reasons: RetentionReason[] = [];
  let rolled = false;
  let segmentsDeleted = 0;
  for (;;) {
    const segments = await p.maintenance.listSegments();
    const decision = decideRetention({
      segments,
      retentionMs: config['retention.ms'],
      retentionBytes: config['retention.bytes'],
      deleteEnabled,
      now,
      logStartOffset: p.logStartOffset,
      logEndOffset: p.logEndOffset,
      highWatermark: p.highWatermark,
    });
    if (decision.deleteCount > 0) {
      const before = p.segments.length;
      await p.maintenance.advanceLogStartOffset(decision.newLogStartOffset);
      segmentsDeleted += Math.max(0, before - p.segments.length);
      reasons.push(...decision.reasons);
    }
    // Kafka rolls once per run; a second decision after the roll deletes the old active segment.
    if (!decision.rollActive || rolled) break;
    await p.maintenance.rollActiveSegment();
    rolled = true;
  }
  return {
    topic: p.topic,
    partition: p.partition,
    segmentsDeleted,
    reasons,
    rolled,
    logStartOffset: p.logStartOffset,
  };
}
