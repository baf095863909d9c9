import { ApiKeys, KafkaErrorCodes } from '@rill/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger, withBroker } from './helpers.js';
import { WireClient } from './wire-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const plain = (user: string, password: string) => Buffer.from(`\u0000${user}\u0000${password}`);
const allTopics = { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false };

async function setup() {
  const log = recordingLogger();
  const b = await withBroker({ logger: log, sasl: { port: 0, users: { alice: 'alice-secret' } } });
  cleanups.push(b.stop);
  const saslPort = b.broker.listeners.find((l) => l.name === 'SASL_PLAINTEXT')!.port;
  const open = async (port: number) => {
    const c = await WireClient.open(port);
    cleanups.push(() => c.close());
    return c;
  };
  return { log, saslClient: () => open(saslPort), plainClient: () => open(b.broker.port), saslPort };
}

describe('SASL/PLAIN', () => {
  it('authenticates a right password and then serves requests with the SASL listener address', async () => {
    const { saslClient, saslPort } = await setup();
    const c = await saslClient();
    expect((await c.call(ApiKeys.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode).toBe(0);
    const auth = await c.call(ApiKeys.SaslAuthenticate, 1, { authBytes: plain('alice', 'alice-secret') });
    expect(auth.errorCode).toBe(0);
    const md = await c.call(ApiKeys.Metadata, 4, allTopics);
    expect(md.brokers[0]!.port).toBe(saslPort);
  });

  it('answers a wrong password with SASL_AUTHENTICATION_FAILED and logs it', async () => {
    const { saslClient, log } = await setup();
    const c = await saslClient();
    await c.call(ApiKeys.SaslHandshake, 1, { mechanism: 'PLAIN' });
    const auth = await c.call(ApiKeys.SaslAuthenticate, 1, { authBytes: plain('alice', 'nope') });
    expect(auth.errorCode).toBe(KafkaErrorCodes.SASL_AUTHENTICATION_FAILED.code);
    expect(await c.waitClosed()).toBe(true);
    expect(log.lines.some((l) => l.includes('SASL_AUTHENTICATION_FAILED'))).toBe(true);
  });

  it('refuses other mechanisms and requests before authentication', async () => {
    const { saslClient } = await setup();
    const c = await saslClient();
    const hs = await c.call(ApiKeys.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-256' });
    expect(hs).toEqual({ errorCode: KafkaErrorCodes.UNSUPPORTED_SASL_MECHANISM.code, mechanisms: ['PLAIN'] });
    const d = await saslClient();
    d.send(ApiKeys.Metadata, 4, allTopics);
    expect(await d.waitClosed()).toBe(true);
  });

  it('accepts raw tokens after a v0 handshake', async () => {
    const { saslClient } = await setup();
    const c = await saslClient();
    await c.call(ApiKeys.SaslHandshake, 0, { mechanism: 'PLAIN' });
    const token = plain('alice', 'alice-secret');
    const frame = Buffer.alloc(4 + token.length);
    frame.writeInt32BE(token.length, 0);
    token.copy(frame, 4);
    c.write(frame);
    expect((await c.nextFrame())!.length).toBe(0);
    expect((await c.call(ApiKeys.Metadata, 4, allTopics)).brokers).toHaveLength(1);
  });

  it('keeps the PLAINTEXT listener open without authentication', async () => {
    const { plainClient } = await setup();
    const c = await plainClient();
    expect((await c.call(ApiKeys.Metadata, 4, allTopics)).brokers).toHaveLength(1);
    expect((await c.call(ApiKeys.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode).toBe(
      KafkaErrorCodes.ILLEGAL_SASL_STATE.code,
    );
  });

  it('takes users from the JAAS setting and never reports it in DescribeConfigs', async () => {
    const jaas = 'org.apache.kafka.common.security.plain.PlainLoginModule required user_carol="carol-pw";';
    const b = await withBroker({
      sasl: { port: 0 },
      config: { 'listener.name.sasl_plaintext.plain.sasl.jaas.config': jaas },
    });
    cleanups.push(b.stop);
    const c = await WireClient.open(b.broker.listeners[1]!.port);
    cleanups.push(() => c.close());
    await c.call(ApiKeys.SaslHandshake, 1, { mechanism: 'PLAIN' });
    expect(
      (await c.call(ApiKeys.SaslAuthenticate, 1, { authBytes: plain('carol', 'carol-pw') })).errorCode,
    ).toBe(0);
    const cfg = await c.call(ApiKeys.DescribeConfigs, 1, {
      resources: [{ resourceType: 4, resourceName: '', configurationKeys: null }],
      includeSynonyms: false,
    });
    const entry = cfg.results[0]!.configs.find((e) => e.name.endsWith('sasl.jaas.config'));
    expect(entry).toMatchObject({ value: null, isSensitive: true });
  });
});
