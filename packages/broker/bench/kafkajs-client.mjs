// The kafkajs side of the kafkajs benchmarks, in its own process so that the broker's CPU share
// is measurable. usage: kafkajs-client.mjs produce|consume <bootstrap> <topic> <count> <valueSize>
// Prints {"seconds": ...} when done.
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { Kafka, logLevel } from 'kafkajs';

const [mode, bootstrap, topic, countArg, sizeArg] = process.argv.slice(2);
const count = Number(countArg);
const value = Buffer.alloc(Number(sizeArg), 120);
const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });

if (mode === 'produce') {
  const producer = kafka.producer();
  await producer.connect();
  const batch = Array.from({ length: 100 }, () => ({ value }));
  const t0 = performance.now();
  const inFlight = [];
  for (let i = 0; i < count; i += 100) {
    inFlight.push(producer.send({ topic, acks: -1, messages: batch.slice(0, Math.min(100, count - i)) }));
    if (inFlight.length >= 16) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - t0) / 1000;
  await producer.disconnect();
  process.stdout.write(`${JSON.stringify({ seconds })}\n`);
} else {
  const consumer = kafka.consumer({
    groupId: `bench-${process.pid}`,
    maxBytes: 50 << 20,
    maxBytesPerPartition: 10 << 20,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  // From the start of run(): joining the group (no initial delay on the bench broker) is part of it.
  const t0 = performance.now();
  await new Promise((resolve) => {
    consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= count) resolve();
      },
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  await consumer.disconnect();
  process.stdout.write(`${JSON.stringify({ seconds })}\n`);
}
