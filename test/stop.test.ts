// Waiting for a step of a run or for its stop must not keep what the step gave: a run of a
// million records waits a million times.
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { orStop } from "../src/cli/stop.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const macrotask = () => new Promise((r) => setTimeout(r, 0));

describe("orStop", () => {
  it("gives the value, or stop once the signal aborts", async () => {
    const ac = new AbortController();
    expect(await orStop(Promise.resolve(7), ac.signal)).toBe(7);
    await expect(orStop(Promise.reject(new Error("no")), ac.signal)).rejects.toThrow("no");
    const never = orStop(new Promise<number>(() => {}), ac.signal);
    ac.abort();
    expect(await never).toBe("stop");
    expect(await orStop(Promise.resolve(7), ac.signal)).toBe("stop");
  });

  it("keeps nothing of what it waited for, and leaves no listener on the signal", async () => {
    const ac = new AbortController();
    const refs: WeakRef<object>[] = [];
    for (let k = 0; k < 50; k++) {
      const value = { text: "x".repeat(100_000) + k };
      refs.push(new WeakRef(value));
      await orStop(Promise.resolve(value), ac.signal);
    }
    expect(getEventListeners(ac.signal, "abort")).toHaveLength(0);
    // WeakRefs hold until the current job ends; collect after it.
    await macrotask();
    gc();
    await macrotask();
    gc();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBeLessThan(5);
  });
});
