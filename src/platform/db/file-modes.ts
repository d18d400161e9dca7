import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a data folder private to the node's user: folders 0700, files 0600, recursively.
 * PGlite (Emscripten's NODEFS) creates its files 0666 whatever the umask, so this runs when
 * the database opens and when it closes. Files created in between sit inside the 0700 data
 * folder, which no other user can enter.
 */
export function tightenFileModes(dir: string): void {
  const walk = (path: string) => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    // A file may vanish between listing and visiting (a database removing its temporary
    // files, or a folder deleted while it closes): nothing is left to protect then.
    if (!st || st.isSymbolicLink()) return;
    try {
      if (st.isDirectory()) {
        if ((st.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
        for (const name of readdirSync(path)) walk(join(path, name));
      } else if ((st.mode & 0o777) !== 0o600) {
        chmodSync(path, 0o600);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  };
  walk(dir);
}
