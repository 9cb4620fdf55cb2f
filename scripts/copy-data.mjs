// Copies the generated schema registry (JSON data, not code) next to the compiled modules.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync('dist/schema/data', { recursive: true });
cpSync('src/schema/data', 'dist/schema/data', { recursive: true });
