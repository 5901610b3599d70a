// Takes the PGlite data-folder lock in a child process and freezes at one step of it, printing
// `at <step>`, so the test can kill -9 it right there. Arguments: <dir> <step>.
import { lockDataFolder, type LockStep } from '../../server/db/pglite-lock';

const [dir, step] = process.argv.slice(2) as [string, LockStep];
await lockDataFolder(dir, {
  onStep: (s) => {
    if (s !== step) return;
    process.stdout.write(`at ${s}\n`);
    // Frozen synchronously, in the middle of the step, until killed.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
