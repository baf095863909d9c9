/**
 * The client conformance suite: every implementation of the client interface (embedded,
 * kafkajs-backed) registers it in a vitest file of its own and passes the same tests.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { adminTests } from './admin.js';
import { groupTests } from './groups.js';
import type { ConformanceFactory, ConformanceHarness, ConformanceOptions } from './harness.js';
import { produceConsumeTests } from './produce-consume.js';
import type { SuiteContext } from './suite-context.js';
import { transactionTests } from './transactions.js';

/**
 * Register the conformance tests for one implementation. Call it at the top level of a vitest
 * test file; `factory` runs before each test and the harness is closed after it.
 *
 * @example
 * ```ts
 * // packages/client/test/embedded-conformance.test.ts
 * clientConformanceSuite('embedded', async () => {
 *   const engine = await LogEngine.open({ dataDir: await mkdtemp(join(tmpdir(), 'rill-')) });
 *   const client = createEmbeddedClient({ engine, coordinatorConfig: { 'group.initial.rebalance.delay.ms': 0 } });
 *   return { client, close: async () => { await client.close(); await engine.close(); } };
 * });
 * ```
 */
export function clientConformanceSuite(
  name: string,
  factory: ConformanceFactory,
  options: ConformanceOptions = {},
): void {
  const waitMs = options.waitMs ?? 20_000;
  let current: ConformanceHarness | undefined;
  const ctx: SuiteContext = {
    harness: () => {
      if (current === undefined) throw new Error('clientConformanceSuite: no harness (the factory failed)');
      return current;
    },
    has: (feature) => options.features?.[feature] ?? true,
    waitMs,
  };

  describe(`client conformance: ${name}`, () => {
    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      const h = current;
      current = undefined;
      await h?.close();
    });
    describe('produce and consume', () => produceConsumeTests(ctx));
    describe('consumer groups', () => groupTests(ctx));
    describe('transactions', () => transactionTests(ctx));
    describe('admin', () => adminTests(ctx));
  });
}
