import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HERALD_NODE_ARGS } from '../../../config/node-flags';

describe('HERALD_NODE_ARGS', () => {
  const scripts = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['start', 'herald', 'worker'])('are what `npm run %s` passes to Node, so the benchmarks measure Herald as it runs', (name) => {
    expect(scripts[name]).toMatch(new RegExp(`^node ${HERALD_NODE_ARGS.join(' ')} \\S+\\.ts$`));
  });
});
