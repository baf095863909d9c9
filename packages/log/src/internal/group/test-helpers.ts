/**
 * Test fixtures for the group coordinator: a real engine in a temp dir (system clock, so appends
 * complete under group commit) and a coordinator on a ManualClock (so its timeouts are driven
 * by the test).
 */
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogEngine } from '../../engine.js';
import { ManualClock } from '../clock/manual-clock.js';
import type { GroupCoordinatorConfigInput } from './group-config.js';
import { GroupCoordinator } from './group-coordinator.js';
import type { JoinGroupRequest, JoinGroupResult } from './group-types.js';

export interface Fixture {
  readonly dir: string;
  engine: LogEngine;
  coordinator: GroupCoordinator;
  readonly clock: ManualClock;
  readonly backgroundErrors: unknown[];
  /** Close coordinator and engine, reopen both on the same directory. */
  restart(): Promise<void>;
  /** Close everything and remove the directory. */
  dispose(): Promise<void>;
}

export const TEST_CONFIG: GroupCoordinatorConfigInput = {
  'group.min.session.timeout.ms': 10,
  'group.initial.rebalance.delay.ms': 0,
  'offsets.topic.num.partitions': 3,
};

export async function openFixture(config: GroupCoordinatorConfigInput = {}): Promise<Fixture> {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'rill-group-'));
  const clock = new ManualClock(1_000_000);
  const backgroundErrors: unknown[] = [];
  const open = async (): Promise<[LogEngine, GroupCoordinator]> => {
    const engine = await LogEngine.open({ dataDir: dir });
    const coordinator = await GroupCoordinator.open({
      engine,
      clock,
      config: { ...TEST_CONFIG, ...config },
      onBackgroundError: (e) => backgroundErrors.push(e),
    });
    return [engine, coordinator];
  };
  const [engine, coordinator] = await open();
  const f: Fixture = {
    dir,
    engine,
    coordinator,
    clock,
    backgroundErrors,
    async restart() {
      await f.coordinator.close();
      await f.engine.close();
      [f.engine, f.coordinator] = await open();
    },
    async dispose() {
      await f.coordinator.close();
      await f.engine.close();
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
  return f;
}

/** Let in-flight writes finish and their continuations run. */
export async function settle(c: GroupCoordinator): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await c.idle();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export function joinReq(groupId: string, overrides: Partial<JoinGroupRequest> = {}): JoinGroupRequest {
  return {
    groupId,
    memberId: '',
    clientId: 'client',
    sessionTimeoutMs: 1_000,
    rebalanceTimeoutMs: 5_000,
    protocolType: 'consumer',
    protocols: [{ name: 'roundrobin', metadata: Buffer.from('sub') }],
    ...overrides,
  };
}

/** A promise whose settlement can be checked without awaiting it. */
export interface Tracked<T> {
  readonly promise: Promise<T>;
  value: T | undefined;
  error: unknown;
  done: boolean;
}

export function track<T>(promise: Promise<T>): Tracked<T> {
  const t: Tracked<T> = { promise, value: undefined, error: undefined, done: false };
  promise.then(
    (v) => {
      t.value = v;
      t.done = true;
    },
    (e: unknown) => {
      t.error = e;
      t.done = true;
    },
  );
  return t;
}

export type { JoinGroupResult };
