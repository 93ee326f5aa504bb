#!/usr/bin/env node
// The package's CLI entry: TypeScript runs through tsx, so no build step stands between a clone and a server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
await main(process.argv.slice(2));
