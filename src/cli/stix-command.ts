import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const stixHelp = `Usage: passerelle stix export MESSAGE_ID [--out FILE]
       passerelle stix import FILE [--out FILE] [--json]

Threat alerts as STIX 2.1 bundles, through the node's API.

  export MESSAGE_ID  the STIX 2.1 bundle of an alert (threat warning, modus operandi,
                     wanted), validated against the OASIS schemas by the node's tests
  import FILE        map a STIX 2.1 bundle (from MISP, OpenCTI, another node) to an alert
                     draft; complete it and send it with "passerelle send --file DRAFT --to NODE"
  --out FILE         write there instead of printing
  --url, --token     node API (default PASSERELLE_URL / PASSERELLE_TOKEN)`;

/** `passerelle stix`: export or import. */
export async function runStix(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const target = apiTargetOf(values, io.env);
  const write = (text: string) => {
    if (values.out) writeFileSync(resolve(io.cwd, values.out), `${text}\n`);
    else println(io, text);
  };
  switch (sub) {
    case 'export': {
      const id = positionals[0];
      if (!id) throw new UsageError('give the alert message id: passerelle stix export ID');
      write(
        JSON.stringify(await callApi(target, 'GET', `/stix/messages/${encodeURIComponent(id)}`), null, 2),
      );
      return 0;
    }
    case 'import': {
      const file = positionals[0];
      if (!file) throw new UsageError('give the bundle file: passerelle stix import FILE');
      let bundle: unknown;
      try {
        bundle = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
      } catch (err) {
        throw new UsageError(`cannot read ${file} as JSON: ${(err as Error).message}`);
      }
      const r = await callApi<{ draft: Record<string, unknown>; notes: string[] }>(
        target,
        'POST',
        '/stix/import',
        { bundle },
      );
      write(JSON.stringify(values.json ? r : r.draft, null, 2));
      for (const note of r.notes) io.stderr.write(`note: ${note}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown stix command "${sub ?? ''}": export or import`);
  }
}
