import { defineConfig } from 'vitest/config';
import { annotationData } from './build/annotation-plugin.ts';

export default defineConfig({
  plugins: [annotationData()],
  test: {
    projects: [
      {
        plugins: [annotationData()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
