// @ts-check
/**
 * Herald's lint: typescript-eslint's recommended rules and, above all, the layering of docs/architecture.md as a
 * rule, so that a wrong import fails `npm test` instead of waiting for a reviewer.
 *
 * The boundary rule is ESLint's own `no-restricted-imports` (kept with ESLint itself, no import resolver to
 * configure or to silently fail on `.ts` paths). Herald imports its own code by relative path only (tsconfig has no
 * `paths`), so where an import lands is decided by its text and the importing file's depth: from `core/a/b.ts`,
 * `../../adapters/x` climbs exactly to the repository root and enters `adapters/`. One block per depth turns
 * "climbs to the root, then enters a forbidden layer" into a regular expression, exactly.
 */
import tseslint from 'typescript-eslint';

/** Herald's top-level folders. */
const ROOTS = ['adapters', 'api', 'app', 'bench', 'bot', 'cli', 'config', 'core', 'doctor', 'emulator', 'scripts', 'tabs', 'tests'];
const except = (...allowed) => ROOTS.filter((root) => !allowed.includes(root));

/** Folders each layer may not import from (`tabs` is special: only `api/contract/`). */
const FORBIDDEN = {
  core: except('core'),
  adapters: except('adapters', 'core', 'config'),
  config: except('config', 'core'),
  // api may import bot (the bot's route hands activities to it); neither imports app/ except its entry points, below.
  api: except('api', 'core', 'config', 'bot'),
  bot: except('bot', 'core', 'config'),
  cli: except('cli', 'core', 'config'),
  emulator: except('emulator'),
};

/**
 * The processes' entry points start the composition root, as docs/architecture.md says (the server, the worker and
 * the command line import app/): they may import app/ too. Elsewhere in api/bot/cli a type-only import of app/ (the
 * composed `Herald` a command receives) wires nothing and is allowed.
 */
const ENTRY_POINTS = ['api/main.ts', 'api/worker.ts', 'cli/main.ts'];

const WHY = {
  core: 'core imports nothing of Herald\'s outer layers (adapters, app, api, bot, cli, config, emulator, tabs): it reaches them through its ports.',
  adapters: 'adapters implement core\'s ports: they import core and config only.',
  config: 'config reads the environment: it imports core (its error type) only.',
  api: 'api, bot and cli call core\'s use cases and never pick adapters: only app/ (the composition root) wires them.',
  bot: 'api, bot and cli call core\'s use cases and never pick adapters: only app/ (the composition root) wires them.',
  cli: 'api, bot and cli call core\'s use cases and never pick adapters: only app/ (the composition root) wires them.',
  emulator: 'the emulator imports nothing of Herald: it stands in for Microsoft, which knows nothing of Herald.',
  tabs: 'the tab reaches the server over HTTP: from outside tabs/ it imports only the API\'s contract (api/contract/*).',
};

const MAX_DEPTH = 8;
const SOURCE = '{ts,tsx,mts,cts,js,mjs,cjs}';

/** The files of `layer` exactly `depth` folders below the repository root (core/x.ts is depth 1). */
const filesAt = (layer, depth) => [`${layer}/${'*/'.repeat(depth - 1)}*.${SOURCE}`];
const up = (depth) => `^(\\.\\./){${depth}}`;

/** `roots` are forbidden outright; app/ too for api, bot and cli, but only for imports that are not type-only. */
function patternsFor(layer, depth, roots) {
  const outright = roots.filter((root) => root !== 'app' || !['api', 'bot', 'cli'].includes(layer));
  const patterns = [{ regex: `${up(depth)}(${outright.join('|')})(/|$)`, message: WHY[layer] }];
  if (outright.length !== roots.length) patterns.push({ regex: `${up(depth)}app(/|$)`, allowTypeImports: true, message: WHY[layer] });
  return patterns;
}

function boundaryBlocks() {
  const blocks = [];
  for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
    for (const [layer, roots] of Object.entries(FORBIDDEN)) {
      blocks.push({
        name: `herald/boundaries/${layer}/${depth}`,
        files: filesAt(layer, depth),
        rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternsFor(layer, depth, roots) }] },
      });
    }
    blocks.push({
      name: `herald/boundaries/tabs/${depth}`,
      files: filesAt('tabs', depth),
      rules: {
        // Climbing to the root (or beyond) is allowed only to enter api/contract/.
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: `${up(depth)}(?!api/contract/)`, message: WHY.tabs }] }],
      },
    });
  }
  // Last, so it overrides the depth-1 blocks of api/ and cli/ for these three files.
  blocks.push({
    name: 'herald/boundaries/entry-points',
    files: ENTRY_POINTS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternsFor('api', 1, FORBIDDEN.api.filter((root) => root !== 'app')) }] },
  });
  return blocks;
}

export default tseslint.config(
  { name: 'herald/ignores', ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.herald/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    name: 'herald/typescript',
    rules: {
      // `_`-prefixed parameters and caught errors are deliberate (an Express handler's unused `req`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Herald defers heavy modules on purpose with `require()` typed by `typeof import(…)` (the API's code in the
      // command line, BullMQ without Redis, the survey dialog): `import()` would make those paths asynchronous.
      '@typescript-eslint/no-require-imports': 'off',
      // A closure may read a variable that is assigned once, later (the emulator publishes its info when ready).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests read arbitrary JSON answers; Kysely migrations take `Kysely<any>` by design (a migration must not
    // depend on today's schema types).
    name: 'herald/any-where-it-is-the-point',
    files: ['tests/**', 'adapters/sql/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...boundaryBlocks(),
);
