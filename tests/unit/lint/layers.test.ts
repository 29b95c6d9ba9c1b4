import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/layers');

/**
 * Lints a planted fixture (plain text, so neither tsc nor the normal lint run reads it) as if it
 * lived at `asPath`, with the project's eslint.config.js.
 */
async function restrictedImports(fixture: string, asPath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const code = readFileSync(join(FIXTURES, fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, asPath) });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the layer rule in eslint.config.js', () => {
  it.each([
    [
      'server_imports_sidecar.ts.txt',
      'server/services/planted.ts',
      'server/ ships in the Kibana plugin',
    ],
    [
      'sidecar_imports_plugin.ts.txt',
      'sidecar/src/cli/planted.ts',
      'sidecar/ never depends on the plugin',
    ],
    ['common_imports_sidecar.ts.txt', 'common/planted.ts', 'common/ is the shared contract'],
    ['public_imports_server.ts.txt', 'public/components/planted.ts', 'public/ runs in the browser'],
  ])('fails %s placed at %s', async (fixture, asPath, reason) => {
    const messages = await restrictedImports(fixture, asPath);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it('lets server/ import common/', async () => {
    expect(
      await restrictedImports('server_imports_common.ts.txt', 'server/services/planted.ts'),
    ).toEqual([]);
  });

  it('keeps the planted fixtures out of the normal lint run', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    expect(await eslint.isPathIgnored(join(FIXTURES, 'server_imports_sidecar.ts.txt'))).toBe(true);
  });
});
