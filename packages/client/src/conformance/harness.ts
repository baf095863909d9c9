/**
 * What an implementation hands the conformance suite.
 */
import type { Client } from '../api/client.js';

/** Optional features; the suite skips the tests of a feature an implementation declares absent. */
export interface ConformanceFeatures {
  /** Transactional producers and read_committed consumers. Default true. */
  readonly transactions?: boolean;
  /** Transactional offset commits fenced by consumer group metadata (KIP-447). Default true. */
  readonly groupMetadataCommits?: boolean;
  /** The cooperative rebalance protocol (cooperative-sticky alone in the strategy). Default true. */
  readonly cooperativeRebalancing?: boolean;
}

/** One fresh client (and whatever it runs on) for one test. */
export interface ConformanceHarness {
  readonly client: Client;
  /**
   * Settings merged into every consumer the suite makes, to make group tests fast on the
   * implementation (e.g. `{ 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 100 }`).
   * Kafka's `group.initial.rebalance.delay.ms` should be 0 on the server side.
   */
  readonly consumerDefaults?: Readonly<Record<string, unknown>>;
  /** Release the client and its backing log; called after each test, also when it failed. */
  close(): Promise<void>;
}

/** Makes a fresh harness; called before each test. */
export type ConformanceFactory = () => Promise<ConformanceHarness>;

/** Options of {@link clientConformanceSuite}. */
export interface ConformanceOptions {
  /** Bound on every wait for a condition (records arriving, a rebalance completing). Default 20000 ms. */
  readonly waitMs?: number;
  /** Features the implementation lacks are skipped (reported as skipped, never passed). */
  readonly features?: ConformanceFeatures;
}
