/**
 * A transactional id's state (Kafka's TransactionMetadata) and its legal transitions. The state
 * ids are Kafka's TransactionState ids, as stored in `__transaction_state`.
 */

export type TxnStateName =
  | 'Empty'
  | 'Ongoing'
  | 'PrepareCommit'
  | 'PrepareAbort'
  | 'CompleteCommit'
  | 'CompleteAbort'
  | 'Dead'
  | 'PrepareEpochFence';

export const TXN_STATE_IDS: { readonly [K in TxnStateName]: number } = {
  Empty: 0,
  Ongoing: 1,
  PrepareCommit: 2,
  PrepareAbort: 3,
  CompleteCommit: 4,
  CompleteAbort: 5,
  Dead: 6,
  PrepareEpochFence: 7,
};

const BY_ID = new Map(Object.entries(TXN_STATE_IDS).map(([k, v]) => [v, k as TxnStateName]));

export function txnStateOf(id: number): TxnStateName | undefined {
  return BY_ID.get(id);
}

/** Kafka's TransactionState.validPreviousStates. */
const VALID_PREVIOUS: { readonly [K in TxnStateName]: readonly TxnStateName[] } = {
  Empty: ['Empty', 'CompleteCommit', 'CompleteAbort'],
  Ongoing: ['Ongoing', 'Empty', 'CompleteCommit', 'CompleteAbort'],
  PrepareCommit: ['Ongoing'],
  PrepareAbort: ['Ongoing', 'PrepareEpochFence'],
  CompleteCommit: ['PrepareCommit'],
  CompleteAbort: ['PrepareAbort'],
  Dead: ['Empty', 'CompleteAbort', 'CompleteCommit'],
  PrepareEpochFence: ['Ongoing'],
};

export function canTransition(from: TxnStateName, to: TxnStateName): boolean {
  return VALID_PREVIOUS[to].includes(from);
}

/** `topic` + NUL + partition: a Set key for a topic partition. */
export function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export function parseTpKey(k: string): { topic: string; partition: number } {
  const i = k.lastIndexOf('\u0000');
  return { topic: k.slice(0, i), partition: Number(k.slice(i + 1)) };
}

/** What `__transaction_state` stores for a transactional id. */
export interface TxnRecord {
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly timeoutMs: number;
  readonly state: TxnStateName;
  /** tpKey()s of the partitions in the transaction. */
  readonly partitions: ReadonlySet<string>;
  readonly lastUpdateTimestamp: number;
  /** -1 when no transaction is open. */
  readonly startTimestamp: number;
}

/** The coordinator's in-memory view of a transactional id. */
export class TxnMetadata {
  producerId: number;
  producerEpoch: number;
  /** The epoch before the last bump (KIP-360 retries), or -1. */
  lastProducerEpoch = -1;
  timeoutMs: number;
  state: TxnStateName;
  partitions: Set<string>;
  lastUpdateTimestamp: number;
  startTimestamp: number;
  /** A transition being written: requests meanwhile get CONCURRENT_TRANSACTIONS. */
  pending: TxnStateName | null = null;

  constructor(
    readonly transactionalId: string,
    r: TxnRecord,
  ) {
    this.producerId = r.producerId;
    this.producerEpoch = r.producerEpoch;
    this.timeoutMs = r.timeoutMs;
    this.state = r.state;
    this.partitions = new Set(r.partitions);
    this.lastUpdateTimestamp = r.lastUpdateTimestamp;
    this.startTimestamp = r.startTimestamp;
  }

  record(): TxnRecord {
    return {
      producerId: this.producerId,
      producerEpoch: this.producerEpoch,
      timeoutMs: this.timeoutMs,
      state: this.state,
      partitions: new Set(this.partitions),
      lastUpdateTimestamp: this.lastUpdateTimestamp,
      startTimestamp: this.startTimestamp,
    };
  }

  apply(r: TxnRecord): void {
    this.producerId = r.producerId;
    this.producerEpoch = r.producerEpoch;
    this.timeoutMs = r.timeoutMs;
    this.state = r.state;
    this.partitions = new Set(r.partitions);
    this.lastUpdateTimestamp = r.lastUpdateTimestamp;
    this.startTimestamp = r.startTimestamp;
  }
}
