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
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) {
      if ((st.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if ((st.mode & 0o777) !== 0o600) {
      chmodSync(path, 0o600);
    }
  };
  walk(dir);
}
