import { defineConfig } from 'vitest/config';

/** Unit tests are fast and offline; integration and e2e (Chromium) tests run inside the lab's network namespace. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // electron-store imports `electron`: inlined, it gets the test's stand-in (vi.mock) instead of the real
          // package, whose entry would try to download the Electron binary.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Chromium decoding many streams wants the machine to itself.
          fileParallelism: false,
        },
      },
    ],
  },
});
