import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the embedded database. */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on an embedded database folder. PGlite is a single-process
 * engine: two processes writing the same folder would corrupt it, so the second one is
 * refused with a message that says which process holds it. A lock left by a dead process
 * is taken over.
 */
export function lockDataFolder(dir: string): () => void {
  const path = join(dir, 'passerelle.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(existsSync(path) ? readFileSync(path, 'utf8') : 'NaN');
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DatabaseLockedError(
          `the database in ${dir} is in use by process ${pid} (a running node?): stop it first, or use the HTTP API`,
        );
      }
      if (pid === process.pid) {
        throw new DatabaseLockedError(`the database in ${dir} is already open in this process`);
      }
      unlinkSync(path);
    }
  }
  throw new DatabaseLockedError(`could not lock ${dir}`);
}
