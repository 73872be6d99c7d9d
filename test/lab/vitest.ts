// Vitest convenience: one fresh lab per test file, started before its tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';

import { startLab, type Lab } from './index';
import type { LabOptions } from './model';

/** Registers beforeAll(startLab)/afterAll(stop) and returns a getter for the running lab. */
export function useLab(options: LabOptions = {}): () => Lab {
  let lab: Lab | undefined;
  beforeAll(async () => {
    lab = await startLab(options);
  });
  afterAll(async () => {
    await lab?.stop();
  });
  return () => {
    if (lab === undefined) throw new Error('the lab starts in beforeAll: call lab() inside tests or hooks');
    return lab;
  };
}
