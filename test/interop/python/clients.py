"""Drives Debian's Python Kafka clients against a broker for the interop tests.

usage: clients.py <kafka-python|confluent|confluent-txn> <bootstrap> <topic> <count>
Produces <count> messages "m-<i>" (keyed "k-<i % 7>") and consumes them back, with a
consumer group that commits; prints one JSON line with what was consumed.
"""
import json
import sys
import time


def kafka_python(bootstrap, topic, count):
    from kafka import KafkaConsumer, KafkaProducer

    producer = KafkaProducer(bootstrap_servers=bootstrap, acks='all', compression_type='gzip')
    for i in range(count):
        producer.send(topic, key=('k-%d' % (i % 7)).encode(), value=('m-%d' % i).encode())
    producer.flush(30)
    producer.close()
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id='py-kafka-python',
        auto_offset_reset='earliest',
        enable_auto_commit=False,
        consumer_timeout_ms=10000,
    )
    values = []
    for message in consumer:
        values.append(message.value.decode())
        if len(values) >= count:
            break
    consumer.commit()
    consumer.close()
    return values


def confluent(bootstrap, topic, count):
    from confluent_kafka import Consumer, Producer

    producer = Producer({'bootstrap.servers': bootstrap, 'compression.codec': 'zstd', 'linger.ms': 5})
    for i in range(count):
        producer.produce(topic, key=('k-%d' % (i % 7)).encode(), value=('m-%d' % i).encode())
    remaining = producer.flush(30)
    if remaining:
        raise RuntimeError('%d messages not delivered' % remaining)
    consumer = Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': 'py-confluent',
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': False,
    })
    consumer.subscribe([topic])
    values = []
    deadline = time.time() + 30
    while len(values) < count and time.time() < deadline:
        message = consumer.poll(0.5)
        if message is None:
            continue
        if message.error():
            raise RuntimeError(str(message.error()))
        values.append(message.value().decode())
    consumer.commit(asynchronous=False)
    consumer.close()
    return values


def confluent_txn(bootstrap, topic, count):
    """Commits `count` messages and aborts as many in between; reads back read_committed."""
    from confluent_kafka import Consumer, Producer

    producer = Producer({'bootstrap.servers': bootstrap, 'transactional.id': 'py-txn', 'linger.ms': 5})
    producer.init_transactions(30)
    half = count // 2
    for start, commit in ((0, True), (count, False), (half, True)):
        producer.begin_transaction()
        end = start + half if start != half else count
        for i in range(start, end):
            producer.produce(topic, value=('m-%d' % i).encode())
        if commit:
            producer.commit_transaction(30)
        else:
            producer.abort_transaction(30)
    consumer = Consumer({
        'bootstrap.servers': bootstrap,
        'group.id': 'py-txn-reader',
        'auto.offset.reset': 'earliest',
        'enable.auto.commit': False,
        'isolation.level': 'read_committed',
        'enable.partition.eof': True,
    })
    consumer.subscribe([topic])
    values = []
    eof = set()
    deadline = time.time() + 30
    while time.time() < deadline:
        message = consumer.poll(0.5)
        if message is None:
            continue
        if message.error():
            if message.error().code() == -191:  # _PARTITION_EOF
                eof.add(message.partition())
                if len(values) >= count and len(eof) >= 1:
                    break
                continue
            raise RuntimeError(str(message.error()))
        values.append(message.value().decode())
    consumer.commit(asynchronous=False)
    consumer.close()
    return values


def main():
    client, bootstrap, topic, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    run = {'kafka-python': kafka_python, 'confluent': confluent, 'confluent-txn': confluent_txn}[client]
    values = run(bootstrap, topic, count)
    print(json.dumps({'consumed': len(values), 'distinct': len(set(values)), 'values': sorted(values)}))


if __name__ == '__main__':
    main()
