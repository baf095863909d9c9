import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('runs the example and prints what it says', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = /## Example\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    // The example runs from a temporary directory: point its imports at this repository.
    const kafkajs = pathToFileURL(createRequire(import.meta.url).resolve('kafkajs')).href;
    const script = example!
      .replace("from '@rill/broker'", `from ${JSON.stringify(entry)}`)
      .replace("from 'kafkajs'", `from ${JSON.stringify(kafkajs)}`);
    const file = join(mkdtempSync(join(tmpdir(), 'rill-broker-readme-test-')), 'example.mts');
    writeFileSync(file, script);
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    rmSync(dirname(file), { recursive: true, force: true });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual(['listening on 127.0.0.1:true', '0:1 1:1']);
  });
});
