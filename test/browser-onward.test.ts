import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { BROWSER_PASSWORD, browserAvailable, launchBrowser, signIn } from './_browser.js';
import { allowSharing, pairNodes, startTestNode, type TestNode, testAdmin, waitFor } from './_util.js';

const webDist = new URL('../web/dist', import.meta.url).pathname;
const DAY = 86_400_000;

describe(
  'onward transmission in Chromium: consent asked on one node, granted on the provider, then the H2 message goes on',
  { skip: !browserAvailable() && 'Chromium not installed' },
  () => {
    let ma: TestNode;
    let pk: TestNode;
    let es: TestNode;
    let browser: Browser;
    let messageId: string;
    let redId: string;

    before(async () => {
      assert.ok(existsSync(`${webDist}/index.html`), 'web UI built (npm test builds it first)');
      [ma, pk, es] = await Promise.all([
        startTestNode({ id: 'ma-dgsn', agency: 'DGSN Rabat', country: 'MA', webDist }),
        startTestNode({ id: 'pk-fia', agency: 'FIA Islamabad', country: 'PK', webDist }),
        startTestNode({ id: 'es-cgpj', agency: 'CGPJ Madrid', country: 'ES', webDist }),
      ]);
      await pairNodes(ma, pk);
      await pairNodes(pk, es);
      await allowSharing(ma, 'pk-fia');
      await allowSharing(pk, 'es-cgpj');
      for (const node of [ma, pk]) {
        await node.ctx.governance.createUser(null, {
          username: 'liaison',
          displayName: 'Liaison officer',
          password: BROWSER_PASSWORD,
          roles: ['liaison'],
        });
      }
      const youssef = { ...testAdmin, username: 'liaison', roles: ['liaison' as const] };
      const base = {
        type: 'info',
        body: 'Synthetic information about a smuggling route through the strait.',
        language: 'en',
        crimeAreas: ['migrant_smuggling'],
        priority: 'routine',
        evaluation: { sourceReliability: 'B', informationAccuracy: 2 },
        legalBasis: 'Bilateral security cooperation agreement, art. 3',
        purpose: 'Dismantle the network behind the crossing',
        retentionReviewDate: new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10),
      };
      messageId = (
        await ma.ctx.exchange.send(youssef, {
          recipient: 'pk-fia',
          message: { ...base, subject: 'Synthetic H2 route', handlingCode: 'H2', tlp: 'AMBER' },
        })
      ).id;
      redId = (
        await ma.ctx.exchange.send(youssef, {
          recipient: 'pk-fia',
          message: {
            ...base,
            subject: 'Synthetic red route',
            handlingCode: 'H1',
            tlp: 'RED',
            addressedTo: { officers: ['liaison'] },
          },
        })
      ).id;
      await waitFor(
        async () =>
          (
            await pk.ctx.db
              .selectFrom('messages')
              .select('id')
              .where('id', 'in', [messageId, redId])
              .execute()
          ).length === 2,
        20_000,
        'both messages at pk-fia',
      );
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await Promise.all([ma?.destroy(), pk?.destroy(), es?.destroy()]);
    });

    test('the holder asks consent, the provider grants it with conditions, the holder passes the message on with its markings', async () => {
      const conversationOf = async (node: TestNode, id: string) =>
        (
          await node.ctx.db
            .selectFrom('messages')
            .select('conversation_id')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).conversation_id;
      const holder = await signIn(browser, pk, 'liaison');
      // TLP:RED never goes on: the panel says so instead of offering a form.
      await holder.goto(`${pk.url}/#/exchange/conversation/${await conversationOf(pk, redId)}`);
      await holder.getByTestId('onward-forbidden').waitFor();

      await holder.goto(`${pk.url}/#/exchange/conversation/${await conversationOf(pk, messageId)}`);
      const panel = holder.getByTestId(`onward-${messageId}`);
      await panel.getByTestId('onward-toggle').click();
      await panel
        .locator('[data-testid="onward-recipient"] option[value="es-cgpj"]')
        .waitFor({ state: 'attached' });
      // The provider itself is not offered as a recipient.
      assert.equal(
        await panel.locator('[data-testid="onward-recipient"] option[value="ma-dgsn"]').count(),
        0,
      );
      await panel.getByTestId('onward-recipient').selectOption('es-cgpj');
      assert.match(await panel.getByTestId('onward-consent-state').innerText(), /No consent asked/);
      assert.equal(
        await panel.getByTestId('onward-forward').isDisabled(),
        true,
        'H2: no forwarding without consent',
      );
      await panel.getByTestId('onward-purpose').fill('The same network operates through Spain');
      await panel.getByTestId('onward-ask').click();
      await panel.getByTestId('onward-done').waitFor();
      assert.match(await panel.getByTestId('onward-consent-state').innerText(), /awaiting the provider/);

      // The provider's officer answers on the consent tab of their own node.
      const provider = await signIn(browser, ma, 'liaison');
      await provider.goto(`${ma.url}/#/exchange/consent`);
      const request = provider.locator('[data-testid^="consent-in-"]').first();
      await request.waitFor({ timeout: 15_000 });
      assert.match(await request.innerText(), /pk-fia\W* asks to pass one of our messages to \W*es-cgpj/);
      assert.match(await request.innerText(), /The same network operates through Spain/);
      assert.match(await request.getByTestId('consent-status').innerText(), /awaiting our answer/);
      await request.getByTestId('consent-conditions').fill('For the Spanish investigation only');
      await request.getByTestId('consent-grant').click();
      await request.getByTestId('consent-status').filter({ hasText: 'granted' }).waitFor();
      await holder.reload();
      await panel.getByTestId('onward-toggle').click();
      await panel.getByTestId('onward-recipient').selectOption('es-cgpj');
      assert.match(
        await panel.getByTestId('onward-consent-state').innerText(),
        /granted — For the Spanish investigation only/,
      );
      await panel.getByTestId('onward-forward').click();
      await panel.getByTestId('onward-done').waitFor();
      await waitFor(
        async () =>
          (
            await es.ctx.db
              .selectFrom('messages')
              .select('handling_code')
              .where('partner', '=', 'pk-fia')
              .execute()
          ).length === 1,
        15_000,
        'forward at es-cgpj',
      );
      const there = await es.ctx.db
        .selectFrom('messages')
        .select(['handling_code', 'payload'])
        .where('partner', '=', 'pk-fia')
        .executeTakeFirstOrThrow();
      assert.equal(there.handling_code, 'H2', 'the handling code travels');
      assert.match(String((there.payload as { body: string }).body), /Provided by ma-dgsn/);

      // The holder's consent tab lists its request with the answer.
      await holder.goto(`${pk.url}/#/exchange/consent`);
      await holder.getByTestId('consent-outgoing').waitFor();
      assert.match(await holder.getByTestId('consent-outgoing').innerText(), /granted/);
    });
  },
);
