// One kafkajs consumer-group member for the group interop test, run as a child process so that
// it can be SIGKILLed. Prints one JSON line per consumed record and per acknowledged commit:
//   {"t":<ms>,"m":<member>,"p":<partition>,"o":<offset>}    consumed
//   {"t":<ms>,"m":<member>,"c":<partition>,"o":<offset>}    committed (next offset to read)
// and {"ready":true} once it has joined. SIGTERM disconnects (leaves the group) and exits.
import process from 'node:process';
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, groupId, topic, member] = process.argv.slice(2);
const kafka = new Kafka({ brokers: [bootstrap], clientId: member, logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId,
  sessionTimeout: 6000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 100,
  rebalanceTimeout: 10000,
});
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

consumer.on(consumer.events.GROUP_JOIN, () => out({ ready: true, m: member }));
consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
  for (const t of payload.topics)
    for (const p of t.partitions)
      out({ t: Date.now(), m: member, c: Number(p.partition), o: Number(p.offset) });
});
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ partition, message }) =>
    out({ t: Date.now(), m: member, p: partition, o: Number(message.offset) }),
});
process.on('SIGTERM', () => {
  consumer.disconnect().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
