import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('runs the example and prints what it says', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = /## Example\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const script = example!.replace("from '@rill/log'", `from ${JSON.stringify(entry)}`);
    // A .mts file (ESM, not -e) so tsx strips the example's type annotations.
    const file = join(mkdtempSync(join(tmpdir(), 'rill-readme-test-')), 'example.mts');
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
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('0@0 2@0 0@1');
    expect(lines[1]).toBe('/home -> /checkout');
  });
});
