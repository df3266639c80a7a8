#!/usr/bin/env node
// The `briefbot` command. The project is TypeScript run through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
