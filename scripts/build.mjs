// The shipped program: one minified ESM entry (dist/bundle/main.js) for every command, with code
// split at the dynamic imports, so the wizard (Ink, React) and each command's own code are chunks
// loaded only when used. `tsc` still type-checks (and emits dist/ for the tests that import it).
// Usage: node scripts/build.mjs [outdir]   (default dist/bundle)
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv as BuildAjv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const REPO = path.resolve(import.meta.dirname, '..');
const SRC = path.join(REPO, 'src');
const outdir = path.resolve(REPO, process.argv[2] ?? 'dist/bundle');
// Built beside the old bundle and swapped in at the end, so a binary started meanwhile finds a whole one.
const staging = `${outdir}.next`;
/** Where tsc puts each module (dist/<folder>/<file>.js): paths in src are written relative to that. */
const DIST = path.join(REPO, 'dist');

/**
 * Our modules find templates/, profiles/, schemas/ and package.json relative to their own file
 * (`new URL('../../templates/', import.meta.url)`). In a chunk every module shares the chunk's
 * URL, so each module's import.meta.url is rewritten to the URL its file has under dist/.
 */
const LAZY_PACKAGE = /createRequire\(import\.meta\.url\)\((['"][^'"./][^'"]*['"])\)/g;

const ownFileUrls = {
  name: 'own-file-urls',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.tsx?$/ }, async (args) => {
      // A package loaded on first use (`createRequire(import.meta.url)('handlebars')`) is bundled
      // too, as a require() that esbuild still runs only when reached.
      const text = (await readFile(args.path, 'utf8')).replace(LAZY_PACKAGE, 'require($1)');
      const loader = args.path.endsWith('.tsx') ? 'tsx' : 'ts';
      if (!text.includes('import.meta.url')) return { contents: text, loader };
      const asBuilt = path.join(DIST, path.relative(SRC, args.path)).replace(/\.tsx?$/, '.js');
      const relative = path.relative(outdir, asBuilt).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader };
    });
  },
};

/**
 * The schemas our modules validate with, and the options each compiles them with (facts-schema.ts,
 * profiles/schema.ts, apply/manifest-check.ts). Compiling the facts schema took a quarter of a
 * second at each start; here it is compiled once, at build time, into plain code (ajv standalone).
 * Our modules still call `new Ajv(options).compile(schema)`: in the bundle that Ajv hands back the
 * precompiled function when options and schema are exactly these, and compiles as before otherwise
 * (a schema edited after the build, options changed in the source).
 */
const PRECOMPILED = [
  { file: 'schemas/facts.schema.json', options: { allErrors: false, strict: true, allowUnionTypes: true }, keywords: [] },
  {
    file: 'schemas/profile.schema.json',
    options: { allErrors: false, verbose: true, strict: true },
    keywords: [{ keyword: 'patternErrorMessage', schemaType: 'string' }],
  },
  { file: 'schemas/manifest.schema.json', options: { allErrors: false, strict: true, strictRequired: false, strictTuples: false }, keywords: [] },
  // scan/report-schemas.ts: the scanner report formats.
  ...['trivy', 'grype', 'sarif'].map((f) => ({ file: `schemas/scan-${f}.schema.json`, options: { allErrors: false, strict: true, allowUnionTypes: true }, keywords: [] })),
];

const precompiledSchemas = {
  name: 'precompiled-schemas',
  setup(b) {
    b.onResolve({ filter: /^ajv$/ }, (args) => (/\/src\//.test(args.importer) ? { path: 'ajv', namespace: 'dh-ajv' } : undefined));
    b.onResolve({ filter: /^dh-validator:\d+$/ }, (args) => ({ path: args.path, namespace: 'dh-validator' }));
    b.onLoad({ filter: /.*/, namespace: 'dh-validator' }, async (args) => {
      const { file, options, keywords } = PRECOMPILED[Number(args.path.split(':')[1])];
      const ajv = new BuildAjv({ ...options, code: { source: true, esm: true } });
      for (const k of keywords) ajv.addKeyword(k);
      const validate = ajv.compile(JSON.parse(await readFile(path.join(REPO, file), 'utf8')));
      return { contents: standalone(ajv, validate), loader: 'js', resolveDir: REPO };
    });
    b.onLoad({ filter: /.*/, namespace: 'dh-ajv' }, async () => {
      const table = await Promise.all(
        PRECOMPILED.map(async ({ file, options, keywords }, i) => {
          const schema = JSON.stringify(JSON.parse(await readFile(path.join(REPO, file), 'utf8')));
          return `[${JSON.stringify(JSON.stringify([options, keywords]))}, ${JSON.stringify(schema)}, v${i}]`;
        }),
      );
      const contents = [
        ...PRECOMPILED.map((_, i) => `import v${i} from 'dh-validator:${i}';`),
        `const PRECOMPILED = [${table.join(', ')}];`,
        'export class Ajv {',
        '  #options; #keywords = [];',
        '  constructor(options = {}) { this.#options = options; }',
        '  addKeyword(definition) { this.#keywords.push(definition); return this; }',
        '  compile(schema) {',
        '    const key = JSON.stringify([this.#options, this.#keywords]);',
        '    const text = JSON.stringify(schema);',
        '    const hit = PRECOMPILED.find(([k, s]) => k === key && s === text);',
        '    if (hit) return hit[2];',
        "    const ajv = new (require('ajv').Ajv)(this.#options);",
        '    for (const k of this.#keywords) ajv.addKeyword(k);',
        '    return ajv.compile(schema);',
        '  }',
        '}',
      ].join('\n');
      return { contents, loader: 'js', resolveDir: REPO };
    });
  },
};

await rm(staging, { recursive: true, force: true });
const result = await build({
  absWorkingDir: REPO,
  // wizard-frame: the wizard's first frame, drawn by the bin before main loads (early-frame.ts).
  entryPoints: { main: 'src/cli/main.ts', 'wizard-frame': 'src/wizard/early-frame.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its "module" is ESM.
  mainFields: ['module', 'main'],
  // DH_BUNDLE_READABLE=1: names and lines kept, for reading a CPU profile of the bundle.
  minify: !process.env.DH_BUNDLE_READABLE,
  sourcemap: 'linked',
  sourcesContent: false,
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  // The shipped program runs React's production build (smaller, no development checks).
  define: { 'process.env.NODE_ENV': '"production"' },
  // Only Ink's developer tools (imported when DEV=true) are left out: an optional peer, not installed.
  external: ['react-devtools-core'],
  // CommonJS dependencies bundled into ESM still call require() for node's built-in modules.
  banner: { js: "import{createRequire as __dhCreateRequire}from'node:module';const require=__dhCreateRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  plugins: [ownFileUrls, precompiledSchemas],
});
// The lazy-loading tests read which sources each chunk holds.
const chunks = Object.fromEntries(
  Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => [path.basename(file), Object.keys(out.inputs)]),
);
await writeFile(path.join(staging, 'chunks.json'), `${JSON.stringify(chunks, null, 1)}\n`);
await rm(`${outdir}.old`, { recursive: true, force: true });
await rename(outdir, `${outdir}.old`).catch(() => {});
await rename(staging, outdir);
await rm(`${outdir}.old`, { recursive: true, force: true });
