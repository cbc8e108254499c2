// Compile-time check (run by `npm test` through `tsc -p test/tsconfig.json`): a finding's code
// must be a row of the diagnostics table, and its severity the row's own or the one it allows.
import { finding } from "../../src/diagnostics.js";

finding("missing-dateline", "no dateline", 0, 0);
finding("legacy-font-encoding", "converted", 0, 0, "info");
// @ts-expect-error: not a code of the table
finding("no-such-code", "x", 0, 0);
// @ts-expect-error: missing-dateline is a warning, and its row allows no other severity
finding("missing-dateline", "x", 0, 0, "info");
