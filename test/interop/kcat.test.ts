/** librdkafka through Debian's kcat: produce and consume 100,000 messages per codec; SASL/PLAIN. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberedLines, requireKcat, run, startTestBroker, type TestBroker } from './helpers.js';

const N = 100_000;
let b: TestBroker;

beforeAll(async () => {
  requireKcat();
  b = await startTestBroker({ sasl: { port: 0, users: { alice: 'alice-secret' } } });
});
afterAll(async () => b?.stop());

describe('kcat', () => {
  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    it(`produces and consumes ${N} messages with ${codec}`, { timeout: 120_000 }, async () => {
      const topic = `kcat-${codec}`;
      const lines = numberedLines(codec, N);
      const produced = await run(
        'kcat',
        ['-P', '-b', b.bootstrap, '-t', topic, '-z', codec, '-X', 'linger.ms=5'],
        {
          input: `${lines.join('\n')}\n`,
          timeoutMs: 60_000,
        },
      );
      expect(produced.code, produced.stderr).toBe(0);
      const consumed = await run(
        'kcat',
        ['-C', '-b', b.bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%o %s\\n'],
        {
          timeoutMs: 60_000,
        },
      );
      expect(consumed.code, consumed.stderr).toBe(0);
      const got = consumed.stdout.trimEnd().split('\n');
      expect(got).toHaveLength(N);
      // One partition (num.partitions=1): offsets are dense and the order is the produce order.
      expect(got[0]).toBe(`0 ${lines[0]}`);
      expect(got[N - 1]).toBe(`${N - 1} ${lines[N - 1]}`);
      expect(got.every((l, i) => l === `${i} ${lines[i]}`)).toBe(true);
    });
  }

  it('produces with enable.idempotence=true', { timeout: 60_000 }, async () => {
    const lines = numberedLines('idem', 10_000);
    const p = await run(
      'kcat',
      ['-P', '-b', b.bootstrap, '-t', 'kcat-idem', '-X', 'enable.idempotence=true'],
      {
        input: `${lines.join('\n')}\n`,
        timeoutMs: 30_000,
      },
    );
    expect(p.code, p.stderr).toBe(0);
    const c = await run('kcat', ['-C', '-b', b.bootstrap, '-t', 'kcat-idem', '-o', 'beginning', '-e', '-q'], {
      timeoutMs: 30_000,
    });
    expect(c.stdout.trim().split('\n')).toEqual(lines);
  });

  const sasl = (password: string) => {
    const port = b.broker.listeners.find((l) => l.name === 'SASL_PLAINTEXT')!.port;
    return [
      '-b',
      `127.0.0.1:${port}`,
      '-X',
      'security.protocol=SASL_PLAINTEXT',
      '-X',
      'sasl.mechanisms=PLAIN',
      '-X',
      'sasl.username=alice',
      '-X',
      `sasl.password=${password}`,
    ];
  };

  it('authenticates with SASL/PLAIN over SASL_PLAINTEXT', { timeout: 60_000 }, async () => {
    const p = await run('kcat', ['-P', ...sasl('alice-secret'), '-t', 'sasl-topic'], {
      input: 'one\ntwo\n',
      timeoutMs: 30_000,
    });
    expect(p.code, p.stderr).toBe(0);
    const c = await run(
      'kcat',
      ['-C', ...sasl('alice-secret'), '-t', 'sasl-topic', '-o', 'beginning', '-e', '-q'],
      { timeoutMs: 30_000 },
    );
    expect(c.stdout.trim().split('\n')).toEqual(['one', 'two']);
  });

  it('fails with a wrong SASL/PLAIN password', { timeout: 60_000 }, async () => {
    const p = await run('kcat', ['-L', ...sasl('wrong'), '-m', '5'], { timeoutMs: 30_000 });
    expect(p.code).not.toBe(0);
    expect(p.stderr).toMatch(/Authentication failed|SASL authentication error/);
  });

  it('consumes in group mode (-G) and commits offsets', { timeout: 60_000 }, async () => {
    const topic = 'kcat-group';
    const lines = numberedLines('g', 1000);
    const p = await run('kcat', ['-P', '-b', b.bootstrap, '-t', topic], {
      input: `${lines.join('\n')}\n`,
      timeoutMs: 30_000,
    });
    expect(p.code, p.stderr).toBe(0);
    const c = await run(
      'kcat',
      [
        '-b',
        b.bootstrap,
        '-G',
        'kcat-grp',
        '-X',
        'auto.offset.reset=earliest',
        '-X',
        'enable.auto.commit=true',
        '-X',
        'auto.commit.interval.ms=100',
        '-e',
        '-q',
        '-f',
        '%s\\n',
        topic,
      ],
      { timeoutMs: 45_000 },
    );
    expect(c.stdout.trim().split('\n').sort()).toEqual(lines);
    // A second run of the same group starts from the committed end: nothing left.
    const again = await run('kcat', ['-b', b.bootstrap, '-G', 'kcat-grp', '-e', '-q', '-f', '%s\\n', topic], {
      timeoutMs: 45_000,
    });
    expect(again.stdout.trim()).toBe('');
  });
});
