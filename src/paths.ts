// Where the bundled seeds and the default database live: next to the package, wherever it is run from.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SEEDS = resolve(PACKAGE_ROOT, 'seeds');
export const DEFAULT_DB = resolve(PACKAGE_ROOT, 'data', 'briefbot.db');
