import { register } from 'node:module';

/**
 * Resolves `@kbn/*` to the stand-ins in ./kbn/ at runtime (tsconfig `paths` does it only when tsx
 * finds this repository's tsconfig.json, i.e. when started from the repository root). Call before
 * importing the host or `server/`.
 */
export function registerKbnStandIns(): void {
  const standInsUrl = new URL('./kbn/', import.meta.url).href;
  const hook = `
    export async function resolve(specifier, context, nextResolve) {
      if (specifier.startsWith('@kbn/')) {
        return nextResolve(${JSON.stringify(standInsUrl)} + specifier.slice('@kbn/'.length) + '.ts', context);
      }
      return nextResolve(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
