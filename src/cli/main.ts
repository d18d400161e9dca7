import { ApiError, ConfigError, DatabaseLockedError, KeyStoreError } from '../platform/index.js';
import { ApiCallError } from './api-client.js';
import { demoHelp, runDemo } from './demo.js';
import { dpoHelp, runDpo } from './dpo-command.js';
import { inboxHelp, runInbox, runSend, sendHelp } from './exchange-command.js';
import { type CliIo, println, UsageError } from './io.js';
import {
  auditHelp,
  initHelp,
  runAudit,
  runInit,
  runServe,
  runUser,
  serveHelp,
  userHelp,
} from './node-commands.js';
import { keysHelp, partnerHelp, runKeys, runPartner } from './partner-command.js';
import { listHelp, runList, runScreen, screenHelp } from './screen-command.js';
import { runStix, stixHelp } from './stix-command.js';

const usage = `Passerelle — federated police cooperation node

Usage: passerelle <command> [options]

Commands:
  demo          start the two-node demo federation (what "npm start" runs)
  init          create a node: identity, keys, data folder
  serve         run a node
  user          add accounts, issue API tokens
  audit verify  check the tamper-evident audit log
  partner       pair with partner nodes: card, add, verify, list, revoke
  keys rotate   rotate this node's keys; partners are told with a statement signed by the old key
  names         compare names across scripts, score pairs, show keys
  send          send a request, reply, information or alert to a partner
  inbox         list messages (received and sent), overdue requests
  dpo           data-protection officer: review queue, approve, return, break-glass reviews
  screen        screen a person (or a CSV batch) against the UN Security Council list
  list          UN list versions: import, versions, diff
  stix          threat alerts as STIX 2.1 bundles: export, import

Run "passerelle <command> --help" for a command's options.`;

const helps: Record<string, string> = {
  demo: demoHelp,
  init: initHelp,
  serve: serveHelp,
  user: userHelp,
  audit: auditHelp,
  partner: partnerHelp,
  keys: keysHelp,
  send: sendHelp,
  inbox: inboxHelp,
  dpo: dpoHelp,
  screen: screenHelp,
  list: listHelp,
  stix: stixHelp,
};

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
    println(cli, usage);
    return command ? 0 : 2;
  }
  if (command !== 'names' && (args.includes('--help') || args.includes('-h'))) {
    const help = helps[command];
    if (help) {
      println(cli, help);
      return 0;
    }
  }
  try {
    switch (command) {
      case 'demo':
        return await runDemo(args, cli);
      case 'init':
        return await runInit(args, cli);
      case 'serve':
        return await runServe(args, cli);
      case 'user':
        return await runUser(args, cli);
      case 'audit':
        return await runAudit(args, cli);
      case 'partner':
        return await runPartner(args, cli);
      case 'keys':
        return await runKeys(args, cli);
      case 'send':
        return await runSend(args, cli);
      case 'inbox':
        return await runInbox(args, cli);
      case 'dpo':
        return await runDpo(args, cli);
      case 'screen':
        return await runScreen(args, cli);
      case 'list':
        return await runList(args, cli);
      case 'stix':
        return await runStix(args, cli);
      case 'names':
        // Loaded on demand: serving a node does not need the name engine in the CLI's start-up.
        return await (await import('./names-command.js')).runNamesCommand(args, cli);
      default:
        cli.stderr.write(`passerelle: unknown command "${command}"\n\n${usage}\n`);
        return 2;
    }
  } catch (err) {
    if (
      err instanceof UsageError ||
      err instanceof ConfigError ||
      err instanceof KeyStoreError ||
      err instanceof DatabaseLockedError ||
      err instanceof ApiError ||
      err instanceof ApiCallError ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ) {
      cli.stderr.write(`passerelle ${command}: ${(err as Error).message}\n`);
      return 2;
    }
    cli.stderr.write(`passerelle ${command}: unexpected error: ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
