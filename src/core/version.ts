import { createRequire } from 'node:module';

// Read once from package.json so --version, plugin metadata and reports agree.
const require = createRequire(import.meta.url);
export const VERSION: string = (require('../../package.json') as { version: string }).version;
