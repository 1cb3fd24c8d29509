/** Where the package's shipped files live (the same from src/cli under tsx and from dist/cli). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const scenariosDir = join(packageRoot, 'scenarios');
export const dataDir = join(packageRoot, 'data');
