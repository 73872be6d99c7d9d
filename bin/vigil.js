#!/usr/bin/env node
// The `vigil` command: registers tsx (the station runs from its TypeScript sources) and loads the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/vigil.ts');
