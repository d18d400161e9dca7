import type { CliIo } from './io.js';

// The top-level help is a literal and every command module is imported on demand, so
// `passerelle --help` loads nothing but this file (the bench measures it against `node -e 0`).
const usage = `Passerelle — federated police cooperation node

Usage: passerelle <command> [options]

Commands:
  demo               start the two-node demo federation (what "npm start" runs)
  demo codes         print the demo's current TOTP codes (admin, dpo)
  init               create a node: identity, keys, data folder
  serve              run a node
  user add|token     add accounts, issue API tokens
  audit verify       check the tamper-evident audit log (--partners: against partners' copies)
  audit checkpoint   sign the audit head and send it to every verified partner
  backup             write an encrypted backup: database, attachments, keys
  restore            restore a backup into a new data folder and verify it
  partner            pair with partner nodes: card, add, verify, list, revoke
  keys rotate        rotate this node's keys; partners are told with a statement signed by the old key
  names              compare names across scripts: compare, score, key
  send               send a request, reply, information or alert to a partner
  inbox              list messages (received and sent), overdue requests
  dpo                data protection: review queue, break-glass, retention, subject requests
  onward             pass a received message on: consent requests and answers, forwarding
  screen             screen a person (or a CSV batch) against the UN Security Council list
  list               UN list versions: import, versions, diff
  match              hit/no-hit checks with a partner (check, CSV batch), index status|rebuild,
                     policy show|set, report
  stix               threat alerts as STIX 2.1 bundles: export, import
  case               joint cases: list, show, export (PDF report, GraphML, JSON)
  import iom         import an IOM Missing Migrants CSV into the incident registry (progress bar)
  incident           the incident registry: list, show
  conformance        play the federation conformance checklist against another node

Run "passerelle <command> --help" for a command's options.`;

type Runner = (args: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  /** Loads the module and returns the command's runner and help text. */
  load: () => Promise<{ run: Runner; help: string }>;
}

const commands: Record<string, CommandEntry> = {
  demo: { load: async () => import('./demo.js').then((m) => ({ run: m.runDemo, help: m.demoHelp })) },
  init: {
    load: async () => import('./node-commands.js').then((m) => ({ run: m.runInit, help: m.initHelp })),
  },
  serve: {
    load: async () => import('./node-commands.js').then((m) => ({ run: m.runServe, help: m.serveHelp })),
  },
  user: {
    load: async () => import('./node-commands.js').then((m) => ({ run: m.runUser, help: m.userHelp })),
  },
  audit: {
    load: async () => import('./node-commands.js').then((m) => ({ run: m.runAudit, help: m.auditHelp })),
  },
  backup: {
    load: async () => import('./backup-command.js').then((m) => ({ run: m.runBackup, help: m.backupHelp })),
  },
  restore: {
    load: async () => import('./backup-command.js').then((m) => ({ run: m.runRestore, help: m.restoreHelp })),
  },
  partner: {
    load: async () =>
      import('./partner-command.js').then((m) => ({ run: m.runPartner, help: m.partnerHelp })),
  },
  keys: {
    load: async () => import('./partner-command.js').then((m) => ({ run: m.runKeys, help: m.keysHelp })),
  },
  send: {
    load: async () => import('./exchange-command.js').then((m) => ({ run: m.runSend, help: m.sendHelp })),
  },
  inbox: {
    load: async () => import('./exchange-command.js').then((m) => ({ run: m.runInbox, help: m.inboxHelp })),
  },
  dpo: {
    load: async () => import('./dpo-command.js').then((m) => ({ run: m.runDpo, help: m.dpoHelp })),
  },
  onward: {
    load: async () => import('./onward-command.js').then((m) => ({ run: m.runOnward, help: m.onwardHelp })),
  },
  names: {
    // The names command prints its own help (its subcommands take --help too).
    load: async () =>
      import('./names-command.js').then((m) => ({ run: m.runNamesCommand, help: m.namesHelp })),
  },
  screen: {
    load: async () => import('./screen-command.js').then((m) => ({ run: m.runScreen, help: m.screenHelp })),
  },
  list: {
    load: async () => import('./screen-command.js').then((m) => ({ run: m.runList, help: m.listHelp })),
  },
  match: {
    load: async () => import('./match-command.js').then((m) => ({ run: m.runMatch, help: m.matchHelp })),
  },
  case: {
    load: async () => import('./case-command.js').then((m) => ({ run: m.runCase, help: m.caseHelp })),
  },
  stix: {
    load: async () => import('./stix-command.js').then((m) => ({ run: m.runStix, help: m.stixHelp })),
  },
  import: {
    load: async () => import('./incident-command.js').then((m) => ({ run: m.runImport, help: m.importHelp })),
  },
  incident: {
    load: async () =>
      import('./incident-command.js').then((m) => ({ run: m.runIncident, help: m.incidentHelp })),
  },
  conformance: {
    load: async () =>
      import('./conformance-command.js').then((m) => ({ run: m.runConformance, help: m.conformanceHelp })),
  },
};

/** Whether an error is the user's doing (bad flag, bad config, refused call): no stack then. */
async function isUserError(err: unknown): Promise<boolean> {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return true;
  const [
    { ApiError, ConfigError, DatabaseLockedError, KeyStoreError },
    { ApiCallError },
    { UsageError },
    { BackupError },
  ] = await Promise.all([
    import('../platform/index.js'),
    import('./api-client.js'),
    import('./io.js'),
    import('../app/index.js'),
  ]);
  return (
    err instanceof UsageError ||
    err instanceof BackupError ||
    err instanceof ConfigError ||
    err instanceof KeyStoreError ||
    err instanceof DatabaseLockedError ||
    err instanceof ApiError ||
    err instanceof ApiCallError
  );
}

/** The CLI entry: returns the exit code; never calls process.exit itself. */
export async function main(argv: string[], io?: Partial<CliIo>): Promise<number> {
  const cli: CliIo = {
    stdin: io?.stdin ?? process.stdin,
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    env: io?.env ?? process.env,
    cwd: io?.cwd ?? process.cwd(),
  };
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    cli.stdout.write(`${usage}\n`);
    return command ? 0 : 2;
  }
  const entry = commands[command];
  if (!entry) {
    cli.stderr.write(`passerelle: unknown command "${command}"\n\n${usage}\n`);
    return 2;
  }
  try {
    const { run, help } = await entry.load();
    if (command !== 'names' && (args.includes('--help') || args.includes('-h'))) {
      cli.stdout.write(`${help}\n`);
      return 0;
    }
    return await run(args, cli);
  } catch (err) {
    if (await isUserError(err)) {
      cli.stderr.write(`passerelle ${command}: ${(err as Error).message}\n`);
      return 2;
    }
    cli.stderr.write(`passerelle ${command}: unexpected error: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
