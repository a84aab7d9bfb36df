// Writes src/routeTree.gen.ts from the file routes, as the Vite plugin does during dev and build,
// so a fresh clone typechecks without building first. Settings live in tsr.config.json.
import { fileURLToPath } from 'node:url';
import { Generator, getConfig } from '@tanstack/router-generator';

const root = fileURLToPath(new URL('..', import.meta.url));
await new Generator({ config: getConfig({}, root), root }).run();
