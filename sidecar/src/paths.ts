import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The repository root, found from this file's location so commands work from any cwd. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything downloaded or generated at runtime lives here (gitignored). */
export const CACHE_DIR = process.env.CUSTOMER_ANALYTICS_CACHE ?? join(PROJECT_ROOT, '.cache');
