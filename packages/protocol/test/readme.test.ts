import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const pkg = join(import.meta.dirname, '..');

it('the README example runs and prints what it says', () => {
  const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  const dir = mkdtempSync(join(tmpdir(), 'rill-protocol-readme-'));
  try {
    const file = join(dir, 'example.ts');
    // Outside the workspace '@rill/protocol' does not resolve; point it at the source.
    writeFileSync(file, code!.replace("from '@rill/protocol'", `from '${join(pkg, 'src', 'index.ts')}'`));
    const tsx = join(pkg, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [file], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("2 [ [ 42, 'user-1', '{\"clicks\":3}' ], [ 43, null, 'no key' ] ]");
    expect(run.stdout).toContain('scanned 18 value bytes');
    expect(run.stdout).toContain('18 3 7 rill');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
