/**
 * What the suite's test groups share: the current test's harness and the wait bound.
 */
import type { ConformanceFeatures, ConformanceHarness } from './harness.js';

export interface SuiteContext {
  /** The harness of the running test. */
  harness(): ConformanceHarness;
  /** Whether the implementation has a feature (default true); known when tests are registered. */
  has(feature: keyof ConformanceFeatures): boolean;
  readonly waitMs: number;
}
