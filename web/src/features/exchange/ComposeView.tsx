import { type ChangeEvent, type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadApi } from '../../api/client.js';
import { AttachmentUploads, type Upload } from './AttachmentUploads.js';
import { getMessage, listPartners, sendMessage } from './api.js';
import {
  buildMessage,
  checkDraft,
  controlDomId,
  controlPaths,
  emptyDraft,
  type MessageDraft,
  replyDraft,
} from './compose-model.js';
import { EntityEditor } from './EntityEditor.js';
import { FormField, issueText } from './FormField.js';
import { languageName, partnerId, partnerLabel } from './format.js';
import { controlIdFor, issuesByPath, issuesFromFailure } from './issues.js';
import { plainT } from './plain-t.js';
import type { FieldIssue, PartnerView } from './types.js';
import {
  ALERT_KINDS,
  COMPOSABLE_TYPES,
  CRIME_AREAS,
  HANDLING_CODES,
  INFORMATION_ACCURACY,
  MAX_ATTACHMENT_BYTES,
  MESSAGE_LANGUAGES,
  PRIORITIES,
  SOURCE_RELIABILITY,
  TLP_LEVELS,
} from './vocabulary.js';

type SendState = { status: 'editing' } | { status: 'sending' } | { status: 'failed'; message: string };

/** Compose a message to a verified partner; with `replyTo`, a reply pre-filled from that message. */
export function ComposeView({ replyTo }: { replyTo?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const [draft, setDraft] = useState<MessageDraft>(() => emptyDraft(language));
  const [partners, setPartners] = useState<PartnerView[] | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [send, setSend] = useState<SendState>({ status: 'editing' });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idempotency = useRef<{ key: string; body: string } | null>(null);

  useEffect(() => {
    let active = true;
    void listPartners().then((result) => {
      if (active)
        setPartners(result.ok ? (result.value.partners ?? []).filter((p) => p.status === 'verified') : []);
    });
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    if (!replyTo) return;
    let active = true;
    void getMessage(replyTo).then((result) => {
      if (active && result.ok)
        setDraft(replyDraft(result.value.message, partnerId(result.value.message.partner), language));
    });
    return () => {
      active = false;
    };
  }, [replyTo, language]);

  const known = useMemo(() => controlPaths(draft), [draft]);
  // Issues deeper than any control (crimeAreas.1, entities.0.datesOfBirth.2) show at the nearest one.
  const placed = useMemo(
    () => issues.map((issue) => ({ ...issue, path: controlIdFor(issue.path, known) ?? issue.path })),
    [issues, known],
  );
  const byPath = useMemo(() => issuesByPath(placed), [placed]);

  const set =
    <K extends keyof MessageDraft>(key: K) =>
    (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  const toggleArea = (area: string) =>
    setDraft((previous) => ({
      ...previous,
      crimeAreas: previous.crimeAreas.includes(area)
        ? previous.crimeAreas.filter((a) => a !== area)
        : [...previous.crimeAreas, area],
    }));

  const uploading = uploads.some((upload) => upload.status === 'uploading');

  const onFiles = (files: FileList | null) => {
    if (!files) return;
    for (const file of Array.from(files)) {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setUploads((list) => [
          ...list,
          { key, name: file.name, size: file.size, sent: 0, status: 'tooLarge' },
        ]);
        continue;
      }
      setUploads((list) => [
        ...list,
        { key, name: file.name, size: file.size, sent: 0, status: 'uploading' },
      ]);
      const patch = (change: Partial<Upload>) =>
        setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
      void uploadApi<{ attachment?: { id: string }; id?: string }>('/attachments', file, {
        fileName: file.name,
        onProgress: (sent) => patch({ sent }),
      }).then((result) => {
        if (!result.ok) {
          patch({ status: 'failed', error: result.message || result.code });
          return;
        }
        const id = result.value.attachment?.id ?? result.value.id;
        patch(id ? { status: 'done', sent: file.size, id } : { status: 'failed', error: 'unexpected' });
      });
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkDraft(draft);
    const phoneIssues = await normalisePhones(draft);
    if (local.length + phoneIssues.issues.length > 0) {
      setIssues([...local, ...phoneIssues.issues]);
      setSend({ status: 'editing' });
      window.requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setIssues([]);
    setSend({ status: 'sending' });
    const message = buildMessage(phoneIssues.draft);
    const attachmentIds = uploads.flatMap((upload) =>
      upload.status === 'done' && upload.id ? [upload.id] : [],
    );
    if (attachmentIds.length > 0) message.attachmentIds = attachmentIds;
    // One key per distinct request: sending the same draft again after a network failure is
    // answered with the message already sent; an edited draft is a new request.
    const request = { recipient: draft.recipient, message };
    const text = JSON.stringify(request);
    if (idempotency.current?.body !== text) idempotency.current = { key: crypto.randomUUID(), body: text };
    const result = await sendMessage(request, idempotency.current.key);
    if (result.ok) {
      const sent = result.value.message;
      window.location.hash = `/exchange/conversation/${encodeURIComponent(sent.conversationId || sent.id)}`;
      return;
    }
    const serverIssues = issuesFromFailure(result);
    setIssues(serverIssues);
    setSend({
      status: 'failed',
      message:
        result.code === 'network'
          ? t('exchange.errors.network')
          : serverIssues.length > 0
            ? t('exchange.compose.fixErrors')
            : result.message || t('exchange.errors.send'),
    });
    window.requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const verified = partners ?? [];
  return (
    <form
      className="panel compose-form"
      data-testid="compose-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="compose-heading"
    >
      <h2 id="compose-heading">{replyTo ? t('exchange.compose.replyTitle') : t('exchange.compose.title')}</h2>
      <ErrorSummary ref={summaryRef} issues={issues} placed={placed} send={send} />
      {partners !== null && verified.length === 0 ? (
        <p className="notice" data-testid="compose-no-partner">
          {t('exchange.compose.noPartner')}
        </p>
      ) : null}

      <div className="form-grid">
        <FormField path="recipient" label={t('exchange.fields.recipient')} issues={byPath}>
          {(control) => (
            <select {...control} value={draft.recipient} onChange={set('recipient')} required>
              <option value="">{t('exchange.compose.choosePartner')}</option>
              {verified.map((partner) => (
                <option key={partner.nodeId} value={partner.nodeId}>
                  {partnerLabel(partner.nodeId, verified)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField path="type" label={t('exchange.fields.type')} issues={byPath}>
          {(control) => (
            <select {...control} value={draft.type} onChange={set('type')}>
              {COMPOSABLE_TYPES.map((type) => (
                <option key={type} value={type} disabled={type === 'reply' && !draft.inReplyTo}>
                  {t(`exchange.types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {draft.type === 'alert' ? (
          <FormField path="alertKind" label={t('exchange.fields.alertKind')} issues={byPath}>
            {(control) => (
              <select {...control} value={draft.alertKind} onChange={set('alertKind')}>
                {ALERT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`exchange.alertKinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <FormField path="language" label={t('exchange.fields.language')} issues={byPath}>
          {(control) => (
            <select {...control} value={draft.language} onChange={set('language')}>
              {MESSAGE_LANGUAGES.map((tag) => (
                <option key={tag} value={tag}>
                  {languageName(tag, language)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField path="priority" label={t('exchange.fields.priority')} issues={byPath}>
          {(control) => (
            <select {...control} value={draft.priority} onChange={set('priority')}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`exchange.priorities.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          path="deadline"
          label={
            draft.type === 'rfi' ? t('exchange.compose.deadlineRequired') : t('exchange.fields.deadline')
          }
          issues={byPath}
        >
          {(control) => (
            <input {...control} type="datetime-local" value={draft.deadline} onChange={set('deadline')} />
          )}
        </FormField>
      </div>

      <FormField path="subject" label={t('exchange.fields.subject')} issues={byPath} className="wide">
        {(control) => (
          <input
            {...control}
            value={draft.subject}
            onChange={set('subject')}
            dir="auto"
            maxLength={300}
            required
          />
        )}
      </FormField>
      <FormField path="body" label={t('exchange.fields.body')} issues={byPath} className="wide">
        {(control) => (
          <textarea {...control} value={draft.body} onChange={set('body')} dir="auto" rows={8} required />
        )}
      </FormField>

      <fieldset
        className="checkbox-group"
        data-testid="compose-crimeAreas"
        id={controlDomId('crimeAreas')}
        tabIndex={-1}
      >
        <legend>{t('exchange.fields.crimeAreas')}</legend>
        {CRIME_AREAS.map((area) => (
          <label key={area} className="check">
            <input
              type="checkbox"
              data-testid={`compose-crimeArea-${area}`}
              checked={draft.crimeAreas.includes(area)}
              onChange={() => toggleArea(area)}
            />
            {t(`exchange.crimeAreas.${area}`)}
          </label>
        ))}
        <FieldIssues path="crimeAreas" byPath={byPath} />
      </fieldset>

      <fieldset className="markings">
        <legend>{t('exchange.compose.markings')}</legend>
        <div className="form-grid">
          <FormField
            path="handlingCode"
            label={t('exchange.fields.handlingCode')}
            issues={byPath}
            hint={t(`exchange.handling.${draft.handlingCode as 'H0'}`)}
          >
            {(control) => (
              <select {...control} value={draft.handlingCode} onChange={set('handlingCode')}>
                {HANDLING_CODES.map((code) => (
                  <option key={code} value={code}>
                    {code} — {t(`exchange.handlingShort.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {draft.handlingCode === 'H3' ? (
            <FormField
              path="handlingRestriction"
              label={t('exchange.fields.handlingRestriction')}
              issues={byPath}
            >
              {(control) => (
                <textarea
                  {...control}
                  value={draft.handlingRestriction}
                  onChange={set('handlingRestriction')}
                  dir="auto"
                  rows={2}
                />
              )}
            </FormField>
          ) : null}
          <FormField path="addressedTo.unit" label={t('exchange.fields.toUnit')} issues={byPath}>
            {(control) => (
              <input
                {...control}
                value={draft.toUnit}
                onChange={set('toUnit')}
                data-testid="compose-toUnit"
              />
            )}
          </FormField>
          <FormField
            path="addressedTo.officers"
            label={t('exchange.fields.toOfficers')}
            issues={byPath}
            hint={t('exchange.fields.toOfficersHint')}
          >
            {(control) => (
              <input
                {...control}
                value={draft.toOfficers}
                onChange={set('toOfficers')}
                data-testid="compose-toOfficers"
              />
            )}
          </FormField>
          <FormField
            path="tlp"
            label={t('exchange.fields.tlp')}
            issues={byPath}
            hint={t(`exchange.tlp.${draft.tlp === 'AMBER+STRICT' ? 'AMBER_STRICT' : (draft.tlp as 'RED')}`)}
          >
            {(control) => (
              <select {...control} value={draft.tlp} onChange={set('tlp')}>
                {TLP_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    TLP:{level}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            path="evaluation.sourceReliability"
            label={t('exchange.fields.source')}
            issues={byPath}
            hint={t(`exchange.evaluation.source.${draft.source as 'A'}`)}
          >
            {(control) => (
              <select {...control} data-testid="compose-source" value={draft.source} onChange={set('source')}>
                {SOURCE_RELIABILITY.map((grade) => (
                  <option key={grade} value={grade}>
                    {grade}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            path="evaluation.informationAccuracy"
            label={t('exchange.fields.accuracy')}
            issues={byPath}
            hint={t(`exchange.evaluation.accuracy.${draft.accuracy as '1'}`)}
          >
            {(control) => (
              <select
                {...control}
                data-testid="compose-accuracy"
                value={draft.accuracy}
                onChange={set('accuracy')}
              >
                {INFORMATION_ACCURACY.map((grade) => (
                  <option key={grade} value={String(grade)}>
                    {grade}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      </fieldset>

      <div className="form-grid">
        <FormField
          path="legalBasis"
          label={t('exchange.fields.legalBasis')}
          hint={t('exchange.compose.legalBasisHint')}
          issues={byPath}
        >
          {(control) => (
            <input {...control} value={draft.legalBasis} onChange={set('legalBasis')} dir="auto" />
          )}
        </FormField>
        <FormField
          path="purpose"
          label={t('exchange.fields.purpose')}
          hint={t('exchange.compose.purposeHint')}
          issues={byPath}
        >
          {(control) => <input {...control} value={draft.purpose} onChange={set('purpose')} dir="auto" />}
        </FormField>
        <FormField
          path="retentionReviewDate"
          label={t('exchange.fields.retentionReviewDate')}
          issues={byPath}
        >
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.retentionReviewDate}
              onChange={set('retentionReviewDate')}
            />
          )}
        </FormField>
      </div>

      <EntityEditor
        entities={draft.entities}
        issues={byPath}
        onChange={(entities) => setDraft((previous) => ({ ...previous, entities }))}
      />

      <AttachmentUploads
        uploads={uploads}
        onFiles={onFiles}
        onRemove={(key) => setUploads((list) => list.filter((u) => u.key !== key))}
        issues={byPath}
      />

      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="compose-submit"
          disabled={send.status === 'sending' || uploading}
        >
          {send.status === 'sending' ? t('exchange.compose.sending') : t('exchange.compose.send')}
        </button>
        {uploading ? <span className="muted">{t('exchange.compose.waitUploads')}</span> : null}
      </div>
    </form>
  );
}

function FieldIssues({ path, byPath }: { path: string; byPath: ReadonlyMap<string, FieldIssue[]> }) {
  const { t, i18n } = useTranslation();
  const own = byPath.get(path) ?? [];
  if (own.length === 0) return null;
  return (
    <p className="field-error" data-testid={`error-${path}`}>
      {own.map((issue) => issueText(t, i18n, issue)).join(' ')}
    </p>
  );
}

interface ErrorSummaryProps {
  issues: FieldIssue[];
  placed: FieldIssue[];
  send: SendState;
  ref: React.Ref<HTMLDivElement>;
}

/** The problems of the last attempt, each linked to its field. */
function ErrorSummary({ issues, placed, send, ref }: ErrorSummaryProps) {
  const { t, i18n } = useTranslation();
  if (issues.length === 0 && send.status !== 'failed') return null;
  return (
    <div
      className="alert error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="compose-error-summary"
    >
      <p>
        <strong>{send.status === 'failed' ? send.message : t('exchange.compose.fixErrors')}</strong>
      </p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue, index) => {
            const target = placed[index]?.path ?? issue.path;
            return (
              <li key={`${issue.path}-${issue.code}-${index}`}>
                <a
                  href={`#${controlDomId(target)}`}
                  onClick={(event) => {
                    // The hash holds the route: focus the field instead of following the link.
                    event.preventDefault();
                    document.getElementById(controlDomId(target))?.focus();
                  }}
                >
                  {pathLabel(t, issue.path)}
                </a>
                : {issueText(t, i18n, issue)}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

type TFunction = ReturnType<typeof useTranslation>['t'];

const TOP_LEVEL_LABELS: Record<string, string> = {
  'evaluation.sourceReliability': 'source',
  'evaluation.informationAccuracy': 'accuracy',
};

/** A readable name for a field path: "Entity 2 · Names 1 · Full name". */
export function pathLabel(typed: TFunction, path: string): string {
  // Plain string keys: the typed overload would instantiate the whole catalogue's key union.
  const t = typed as unknown as (key: string, options?: Record<string, unknown>) => string;
  if (path === '') return t('exchange.compose.wholeMessage');
  const entity = /^entities\.(\d+)(?:\.(.*))?$/.exec(path);
  if (entity) {
    const parts = [t('exchange.compose.entityN', { n: Number(entity[1]) + 1 })];
    for (const segment of (entity[2] ?? '').split('.').filter(Boolean)) {
      if (/^\d+$/.test(segment)) parts.push(`#${Number(segment) + 1}`);
      else {
        const key = ['given', 'family', 'father', 'full'].includes(segment) ? `name_${segment}` : segment;
        parts.push(t(`exchange.entities.fields.${key}`, { defaultValue: segment }));
      }
    }
    return parts.join(' · ');
  }
  const head = TOP_LEVEL_LABELS[path] ?? path.split('.')[0] ?? path;
  return plainT(t)(`exchange.fields.${head}`, { defaultValue: head });
}

/**
 * Phones typed in national form are converted to E.164 with the country given, using the same
 * numbering-plan library as the server (loaded only when a message carries a phone).
 */
async function normalisePhones(draft: MessageDraft): Promise<{ draft: MessageDraft; issues: FieldIssue[] }> {
  if (!draft.entities.some((entity) => entity.kind === 'phone' && entity.number.trim() !== ''))
    return { draft, issues: [] };
  const { normalisePhone } = await import('./phone-numbers.js');
  const issues: FieldIssue[] = [];
  const entities = draft.entities.map((entity, index) => {
    if (entity.kind !== 'phone' || entity.number.trim() === '') return entity;
    const country = entity.country.trim().toUpperCase();
    const result = normalisePhone(entity.number, country === '' ? undefined : country);
    if (!result.ok) {
      issues.push({ path: `entities.${index}.number`, code: 'phone_invalid', message: result.message });
      return entity;
    }
    return { ...entity, number: result.e164, country: country || result.country || '' };
  });
  return { draft: { ...draft, entities }, issues };
}
