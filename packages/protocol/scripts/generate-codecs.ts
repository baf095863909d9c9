/**
 * Generates src/generated/ from the schema declarations in schema/: per API, TypeScript
 * types for the request and response bodies and straight-line encode/decode functions
 * (version checks are integer comparisons; nothing interprets the schema at run time).
 *
 *   npx tsx packages/protocol/scripts/generate-codecs.ts     # or: npm run generate (in the package)
 *
 * The emitters live in scripts/codegen/. test/messages-generated.test.ts checks that the
 * committed files equal a fresh run.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadApis } from '../schema/index.js';
import type { ApiSchema } from '../schema/model.js';
import { contains, isEmptyRange } from '../schema/model.js';
import { kebab } from './codegen/context.js';
import { emitMessage } from './codegen/emit-message.js';

export const GENERATED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated');
const HEADER = '// generated — do not edit; run npm run generate (scripts/generate-codecs.ts)\n';

function apiFile(api: ApiSchema): { file: string; text: string } {
  const parts: string[] = [];
  const helpers = new Set<string>();
  for (const msg of [api.request, api.response]) {
    const { text, helpers: used } = emitMessage(api, msg);
    parts.push(text);
    for (const h of used) helpers.add(h);
  }
  const body = parts.join('\n');
  const imports = [
    "import type { Reader } from '../primitives/reader.js';",
    `import type { ${body.includes('TaggedField') ? 'TaggedField, ' : ''}Writer } from '../primitives/writer.js';`,
    `import { ${[...helpers].sort().join(', ')} } from '../messages/internal/codec-support.js';`,
  ];
  const doc = `/** Kafka API ${api.name} (key ${api.apiKey}), versions ${api.validVersions.min}-${api.validVersions.max}, flexible ${
    isEmptyRange(api.flexibleVersions) ? 'never' : `from ${api.flexibleVersions.min}`
  }. */`;
  return { file: `${kebab(api.name)}.ts`, text: `${HEADER}${doc}\n${imports.join('\n')}\n\n${body}` };
}

function indexFile(apis: readonly ApiSchema[]): string {
  const lines: string[] = [HEADER, "import type { ApiCodec } from '../messages/api-codec.js';"];
  for (const a of apis) {
    const n = a.name;
    lines.push(
      `import { decode${n}Request, decode${n}Response, encode${n}Request, encode${n}Response } from './${kebab(n)}.js';`,
      `import type { ${n}Request, ${n}Response } from './${kebab(n)}.js';`,
    );
  }
  lines.push('');
  for (const a of apis) lines.push(`export * from './${kebab(a.name)}.js';`);
  lines.push('');
  lines.push('/** Api key -> request body type. */', 'export interface ApiRequests {');
  for (const a of apis) lines.push(`  ${a.apiKey}: ${a.name}Request;`);
  lines.push('}', '', '/** Api key -> response body type. */', 'export interface ApiResponses {');
  for (const a of apis) lines.push(`  ${a.apiKey}: ${a.name}Response;`);
  lines.push(
    '}',
    '',
    '/** Every api key these codecs know. */',
    'export type ApiKey = keyof ApiRequests & keyof ApiResponses;',
    '',
  );
  lines.push('/** Kafka API names -> api keys. */', 'export const ApiKeys = {');
  for (const a of apis) lines.push(`  ${a.name}: ${a.apiKey},`);
  lines.push('} as const;', '');
  lines.push('/** The generated codec of every api key, with the version facts from the schema. */');
  lines.push(
    'export const API_CODECS: { readonly [K in ApiKey]: ApiCodec<ApiRequests[K], ApiResponses[K]> } = {',
  );
  for (const a of apis) {
    const flex = isEmptyRange(a.flexibleVersions) ? 'null' : String(a.flexibleVersions.min);
    lines.push(
      `  ${a.apiKey}: { apiKey: ${a.apiKey}, name: '${a.name}', minVersion: ${a.validVersions.min}, maxVersion: ${a.validVersions.max}, maxStableVersion: ${a.maxStableVersion}, flexibleFrom: ${flex}, encodeRequest: encode${a.name}Request, decodeRequest: decode${a.name}Request, encodeResponse: encode${a.name}Response, decodeResponse: decode${a.name}Response },`,
    );
  }
  lines.push('};', '');
  return lines.join('\n');
}

/** Every generated file: name (relative to src/generated/) -> content. */
export function generateAll(): Map<string, string> {
  const apis = loadApis();
  if (apis.some((a) => !contains(a.validVersions, a.maxStableVersion))) throw new Error('bad unstableFrom');
  const files = new Map<string, string>();
  for (const a of apis) {
    const { file, text } = apiFile(a);
    files.set(file, text);
  }
  const seen = new Map<string, string>();
  for (const [file, text] of files) {
    for (const m of text.matchAll(/^(?:export )?(?:interface|function) (\w+)/gm)) {
      const prev = seen.get(m[1]!);
      if (prev !== undefined && (prev !== file || m[0].startsWith('export'))) {
        throw new Error(`${m[1]} is declared twice (${prev}, ${file})`);
      }
      seen.set(m[1]!, file);
    }
  }
  files.set('index.ts', indexFile(apis));
  return files;
}

function main(): void {
  const files = generateAll();
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const f of readdirSync(GENERATED_DIR)) if (!files.has(f)) rmSync(join(GENERATED_DIR, f));
  for (const [f, text] of files) writeFileSync(join(GENERATED_DIR, f), text);
  console.log(`generated ${files.size} files in ${GENERATED_DIR}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
