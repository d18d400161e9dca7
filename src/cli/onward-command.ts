import { parseArgs } from 'node:util';
import type { ConsentView, MessageSummary } from '../exchange/index.js';
import { apiTargetOf, callApi } from './api-client.js';
import { type CliIo, println, UsageError } from './io.js';

export const onwardHelp = `Usage: passerelle onward <consents|ask|grant|refuse|forward> [options]

Passing a received message on to another partner, with the provider's markings, through
the node's API. H2 and H3 need the provider's consent for that recipient; TLP:RED and
AMBER+STRICT never go on.

  consents [REQUEST]                       consent requests: ours to providers (out) and
                                           partners' requests about our data (in); or one
  ask MESSAGE --to NODE --purpose TEXT     ask the provider of a received message for consent
  grant REQUEST [--conditions TEXT]        grant a partner's request (the answer goes back)
  refuse REQUEST [--conditions TEXT]       refuse it (conditions: why)
  forward MESSAGE --to NODE                pass the message on with its markings

  --json             print the API's JSON
  --url, --token     node API and API token (PASSERELLE_URL, PASSERELLE_TOKEN)`;

/** `passerelle onward …`: consent requests and onward transmission. */
export async function runOnward(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      url: { type: 'string' },
      token: { type: 'string' },
      to: { type: 'string' },
      purpose: { type: 'string' },
      conditions: { type: 'string' },
    },
  });
  const target = apiTargetOf(values, io.env);
  const id = positionals[0];
  const print = (value: unknown, text: () => void) => {
    if (values.json) println(io, JSON.stringify(value, null, 2));
    else text();
    return 0;
  };
  switch (sub) {
    case 'consents': {
      const res = id
        ? {
            requests: [
              (
                await callApi<{ request: ConsentView }>(
                  target,
                  'GET',
                  `/consent-requests/${encodeURIComponent(id)}`,
                )
              ).request,
            ],
          }
        : await callApi<{ requests: ConsentView[] }>(target, 'GET', '/consent-requests');
      return print(res, () => {
        if (res.requests.length === 0) return println(io, 'No consent requests.');
        for (const r of res.requests) {
          const who =
            r.direction === 'in'
              ? `${r.partner} asks to pass our message ${r.messageId} to ${r.recipient}`
              : `we asked ${r.partner} to pass its message ${r.messageId} to ${r.recipient}`;
          println(io, `${r.id}  ${r.status}  ${who}`);
          println(io, `    purpose: ${r.purpose}${r.conditions ? `; conditions: ${r.conditions}` : ''}`);
        }
      });
    }
    case 'ask': {
      if (!id || !values.to || !values.purpose)
        throw new UsageError('onward ask: give the message id, --to NODE and --purpose');
      const res = await callApi<{ request: ConsentView }>(
        target,
        'POST',
        `/messages/${id}/consent-requests`,
        {
          recipient: values.to,
          purpose: values.purpose,
        },
      );
      return print(res, () =>
        println(
          io,
          `${res.request.id}: consent asked of ${res.request.partner} for ${res.request.recipient}.`,
        ),
      );
    }
    case 'grant':
    case 'refuse': {
      if (!id) throw new UsageError(`onward ${sub}: give the consent request id`);
      await callApi(target, 'POST', `/consent-requests/${id}/reply`, {
        granted: sub === 'grant',
        ...(values.conditions ? { conditions: values.conditions } : {}),
      });
      return print({ id, granted: sub === 'grant' }, () =>
        println(io, `${id}: ${sub === 'grant' ? 'granted' : 'refused'}; the partner is told.`),
      );
    }
    case 'forward': {
      if (!id || !values.to) throw new UsageError('onward forward: give the message id and --to NODE');
      const res = await callApi<{ message: MessageSummary }>(target, 'POST', `/messages/${id}/forward`, {
        recipient: values.to,
      });
      return print(res, () =>
        println(
          io,
          `${res.message.id}: passed on to ${values.to} with its markings (${res.message.status}).`,
        ),
      );
    }
    default:
      throw new UsageError(onwardHelp);
  }
}
