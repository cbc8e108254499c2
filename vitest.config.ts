import { defineConfig } from "vitest/config";

// A loaded machine (CI runners, parallel builds) can slow a whole-corpus test several times:
// a timeout is a hang detector here, not a speed check (speed goes in `npm run bench`).
export default defineConfig({
  test: { testTimeout: 60_000 },
});
