/**
 * The client runs of capture-frames.ts: each client produces two messages to its own
 * topic, consumes them back in a consumer group and commits. test/messages-frames.test.ts
 * checks the captured frames against the values here (topics, keys, values, groups).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CaptureStep {
  readonly name: string;
  readonly command: readonly string[];
  readonly input?: string;
  readonly cwd?: string;
}

export interface CaptureClient {
  readonly label: string;
  readonly steps: readonly CaptureStep[];
}

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** What every client sends: topic `frames-<label>`, group `frames-<label>-group`. */
export const CAPTURE_MESSAGES = [
  { key: 'k1', value: 'v1' },
  { key: 'k2', value: 'hello frames' },
] as const;

const KAFKAJS = `
import { Kafka, logLevel } from 'kafkajs';
const [port] = process.argv.slice(1);
const topic = 'frames-kafkajs';
const kafka = new Kafka({ clientId: 'kafkajs-capture', brokers: ['127.0.0.1:' + port], logLevel: logLevel.ERROR, retry: { retries: 2 } });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
await admin.disconnect();
const producer = kafka.producer();
await producer.connect();
await producer.send({ topic, messages: ${JSON.stringify(CAPTURE_MESSAGES)}.map((m, i) => ({ ...m, headers: { n: String(i) } })) });
await producer.disconnect();
const consumer = kafka.consumer({ groupId: topic + '-group', heartbeatInterval: 500 });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
let seen = 0;
await new Promise((resolve) => consumer.run({ eachMessage: async () => { if (++seen === ${CAPTURE_MESSAGES.length}) resolve(); } }));
await consumer.disconnect();
process.exit(0);
`;

const CONFLUENT = `
import sys
from confluent_kafka import Consumer, Producer
port = sys.argv[1]
topic = 'frames-confluent'
p = Producer({'bootstrap.servers': '127.0.0.1:' + port, 'linger.ms': 50})
for m in ${JSON.stringify(CAPTURE_MESSAGES)}:
    p.produce(topic, key=m['key'].encode(), value=m['value'].encode())
if p.flush(15):
    sys.exit(1)
c = Consumer({'bootstrap.servers': '127.0.0.1:' + port, 'group.id': topic + '-group',
              'auto.offset.reset': 'earliest', 'enable.auto.commit': False})
c.subscribe([topic])
seen = 0
while seen < ${CAPTURE_MESSAGES.length}:
    msg = c.poll(1.0)
    if msg is not None and msg.error() is None:
        seen += 1
c.commit(asynchronous=False)
c.close()
`;

const KAFKA_PYTHON = `
import sys
from kafka import KafkaConsumer, KafkaProducer
port = sys.argv[1]
topic = 'frames-kafka-python'
p = KafkaProducer(bootstrap_servers='127.0.0.1:' + port)
for m in ${JSON.stringify(CAPTURE_MESSAGES)}:
    p.send(topic, key=m['key'].encode(), value=m['value'].encode())
p.flush(15)
p.close()
c = KafkaConsumer(topic, bootstrap_servers='127.0.0.1:' + port, group_id=topic + '-group',
                  auto_offset_reset='earliest', enable_auto_commit=False, consumer_timeout_ms=10000)
seen = 0
for msg in c:
    seen += 1
    if seen == ${CAPTURE_MESSAGES.length}:
        break
c.commit()
c.close()
sys.exit(0 if seen == ${CAPTURE_MESSAGES.length} else 1)
`;

const KAFKAJS_ADMIN = `
import { Kafka, logLevel } from 'kafkajs';
const [port] = process.argv.slice(1);
const kafka = new Kafka({ clientId: 'kafkajs-admin', brokers: ['127.0.0.1:' + port], logLevel: logLevel.ERROR, retry: { retries: 1 },
  sasl: { mechanism: 'plain', username: 'alice', password: 'alice-secret' } });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic: 'frames-admin', numPartitions: 1 }] });
await admin.fetchTopicOffsets('frames-admin');
await admin.describeConfigs({ resources: [{ type: 2, name: 'frames-admin' }], includeSynonyms: false });
await admin.createPartitions({ topicPartitions: [{ topic: 'frames-admin', count: 2 }] }).catch(() => undefined);
await admin.listGroups();
await admin.describeGroups(['frames-admin-group']);
await admin.deleteGroups(['frames-admin-group']).catch(() => undefined);
await admin.deleteTopics({ topics: ['frames-admin'] });
await admin.disconnect();
process.exit(0);
`;

const KAFKAJS_TXN = `
import { Kafka, logLevel } from 'kafkajs';
const [port] = process.argv.slice(1);
const kafka = new Kafka({ clientId: 'kafkajs-txn', brokers: ['127.0.0.1:' + port], logLevel: logLevel.ERROR, retry: { retries: 1 } });
const producer = kafka.producer({ transactionalId: 'frames-txn', idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
const tx = await producer.transaction();
await tx.send({ topic: 'frames-txn', messages: [{ key: 'tk', value: 'in a transaction' }] });
await tx.sendOffsets({ consumerGroupId: 'frames-txn-group', topics: [{ topic: 'frames-txn', partitions: [{ partition: 0, offset: '1' }] }] });
await tx.commit();
await producer.disconnect();
process.exit(0);
`;

const CONFLUENT_TXN = `
import sys
from confluent_kafka import Producer
port = sys.argv[1]
p = Producer({'bootstrap.servers': '127.0.0.1:' + port, 'transactional.id': 'frames-confluent-txn'})
p.init_transactions(15)
p.begin_transaction()
p.produce('frames-confluent-txn', key=b'tk', value=b'in a transaction')
p.commit_transaction(15)
`;

/** The clients, each as the steps to run against `port`. */
export function captureClients(port: number): CaptureClient[] {
  const broker = `127.0.0.1:${port}`;
  const kcatLines = `${CAPTURE_MESSAGES.map((m) => `${m.key}:${m.value}`).join('\n')}\n`;
  return [
    {
      label: 'kafkajs',
      steps: [
        {
          name: 'admin-produce-consume',
          command: ['node', '--input-type=module', '-e', KAFKAJS, port.toString()],
          cwd: REPO_ROOT,
        },
      ],
    },
    {
      label: 'kcat',
      steps: [
        {
          name: 'produce',
          command: ['kcat', '-P', '-b', broker, '-t', 'frames-kcat', '-K', ':'],
          input: kcatLines,
        },
        { name: 'metadata', command: ['kcat', '-L', '-b', broker] },
        {
          name: 'consume',
          command: [
            'kcat',
            '-C',
            '-b',
            broker,
            '-t',
            'frames-kcat',
            '-o',
            'beginning',
            '-c',
            '2',
            '-e',
            '-q',
          ],
        },
        {
          name: 'group',
          command: [
            'kcat',
            '-b',
            broker,
            '-G',
            'frames-kcat-group',
            '-X',
            'auto.offset.reset=earliest',
            '-c',
            '2',
            '-q',
            'frames-kcat',
          ],
        },
      ],
    },
    {
      label: 'kafkajs-admin',
      steps: [
        {
          name: 'admin',
          command: ['node', '--input-type=module', '-e', KAFKAJS_ADMIN, port.toString()],
          cwd: REPO_ROOT,
        },
      ],
    },
    {
      label: 'kafkajs-txn',
      steps: [
        {
          name: 'transaction',
          command: ['node', '--input-type=module', '-e', KAFKAJS_TXN, port.toString()],
          cwd: REPO_ROOT,
        },
      ],
    },
    {
      label: 'kcat-sasl',
      steps: [
        {
          name: 'metadata',
          command: [
            'kcat',
            '-L',
            '-b',
            broker,
            '-X',
            'security.protocol=SASL_PLAINTEXT',
            '-X',
            'sasl.mechanisms=PLAIN',
            '-X',
            'sasl.username=alice',
            '-X',
            'sasl.password=alice-secret',
          ],
        },
      ],
    },
    {
      label: 'confluent-txn',
      steps: [{ name: 'transaction', command: ['/usr/bin/python3', '-c', CONFLUENT_TXN, port.toString()] }],
    },
    {
      label: 'confluent',
      steps: [{ name: 'produce-consume', command: ['/usr/bin/python3', '-c', CONFLUENT, port.toString()] }],
    },
    {
      label: 'kafka-python',
      steps: [
        { name: 'produce-consume', command: ['/usr/bin/python3', '-c', KAFKA_PYTHON, port.toString()] },
      ],
    },
  ];
}
