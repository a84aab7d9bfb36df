// Shared vitest settings: integration tests hit a database, so run files one at a time
// on this 2-core machine and give them room.
export const vitestPreset = {
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    include: ['src/**/*.test.ts'],
    // every run in a new order (files and tests): a test that needs another to run first fails
    // here, not on the day someone moves it; the seed is printed, `--sequence.seed=N` replays it
    // scripts/test.sh pins one verified order with --sequence.seed, so CI never meets a new order first
    sequence: { shuffle: true },
  },
};
