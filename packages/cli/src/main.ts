/** The `rill` command. */
import { Command } from 'commander';
import { explain, runBroker, type BrokerCommandOptions } from './broker-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const program = new Command();
program.name('rill').description('Rill: stream processing on an embedded, Kafka-compatible log');

program
  .command('broker')
  .description('Serve a data directory over the Kafka protocol until SIGINT or SIGTERM')
  .requiredOption('--data <dir>', 'data directory (created if missing)')
  .option('--port <port>', 'PLAINTEXT port; 0 picks a free one', '9092')
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('--config <key=value>', 'a Kafka broker setting by its Kafka name (repeatable)', collect, [])
  .option('--config-file <file>', 'server.properties-style settings (--config wins)')
  .option('--sasl-port <port>', 'also listen with SASL_PLAINTEXT (PLAIN) on this port')
  .option(
    '--sasl-users <file>',
    'SASL/PLAIN users, one user=password per line (or user_<name>="<password>" in a sasl.jaas.config setting)',
  )
  .action(async (opts: BrokerCommandOptions) => {
    try {
      await runBroker(opts);
    } catch (e) {
      const { code, message } = explain(e);
      process.stderr.write(`rill broker: ${message}\n`);
      process.exitCode = code;
    }
  });

await program.parseAsync(process.argv);
