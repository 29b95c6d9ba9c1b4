import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './paths';

/** Modules the compiled server may require at runtime besides its own files. */
export const SERVER_RUNTIME_MODULES = ['@kbn/config-schema', 'zod'];

function listTypeScript(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return listTypeScript(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Compiles `server/` and `common/` to CommonJS (Kibana `require`s a plugin's server/index.js),
 * file by file with the TypeScript compiler — the project-wide `tsc --noEmit` has already checked
 * the types. Fails when the output would require a module Kibana does not provide.
 */
export function compileServer(outDir: string): string[] {
  rmSync(outDir, { recursive: true, force: true });
  const written: string[] = [];
  const problems: string[] = [];
  for (const folder of ['server', 'common']) {
    for (const file of listTypeScript(join(REPO_ROOT, folder))) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
          verbatimModuleSyntax: false,
        },
      }).outputText;
      for (const [, specifier] of output.matchAll(/require\("([^"]+)"\)/g)) {
        if (
          specifier &&
          !specifier.startsWith('.') &&
          !SERVER_RUNTIME_MODULES.includes(specifier)
        ) {
          problems.push(`${relative(REPO_ROOT, file)} requires '${specifier}'`);
        }
      }
      const target = join(outDir, relative(REPO_ROOT, file).replace(/\.tsx?$/, '.js'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
      written.push(target);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `the server code needs modules the Kibana plugin does not ship (allowed: ${SERVER_RUNTIME_MODULES.join(', ')}):\n  ${problems.join('\n  ')}`,
    );
  }
  return written;
}
