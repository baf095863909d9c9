/**
 * What the embedded producers, consumers and admins of one client share: the engine, the group
 * coordinator (opened on first use when the client owns it) and the clock.
 */
import type { Clock, GroupCoordinator, LogEngine } from '@rill/log';
import { ClientError, toClientError } from '../errors.js';
import type { TransactionCoordinatorPort } from './transaction-port.js';

/** Internal topics that listings and pattern subscriptions leave out by default. */
export const INTERNAL_TOPICS: ReadonlySet<string> = new Set(['__consumer_offsets', '__transaction_state']);

export interface EmbeddedContext {
  readonly engine: LogEngine;
  readonly clock: Clock;
  /** The group coordinator; rejects with CLOSED once the client closed. */
  coordinator(): Promise<GroupCoordinator>;
  /** The transaction coordinator (opened on first use when the client owns it). */
  transactions(): Promise<TransactionCoordinatorPort>;
  /** Throws CLOSED if the client is closed. */
  checkOpen(): void;
}

/** A coordinator given by the caller, or opened by the client on first use (and then closed by it). */
export interface CoordinatorSource<T> {
  readonly given: T | undefined;
  readonly open: () => Promise<T>;
}

/** Opens a coordinator once, lazily; a failed open is retried by the next caller. */
export class Lazy<T> {
  private opening: Promise<T> | undefined;

  constructor(private readonly source: CoordinatorSource<T>) {
    if (source.given !== undefined) this.opening = Promise.resolve(source.given);
  }

  get(): Promise<T> {
    if (this.opening === undefined) {
      const opening = this.source.open().catch((e: unknown) => {
        this.opening = undefined;
        throw toClientError(e);
      });
      this.opening = opening;
    }
    return this.opening;
  }

  /** The coordinator if this object opened it (and so must close it). */
  async owned(): Promise<T | undefined> {
    if (this.source.given !== undefined || this.opening === undefined) return undefined;
    return this.opening.then(
      (c) => c,
      // The open failed and was reported to its caller: nothing to close.
      () => undefined,
    );
  }
}

export function closedError(what: string): ClientError {
  return new ClientError('CLOSED', `The ${what} is closed`);
}
