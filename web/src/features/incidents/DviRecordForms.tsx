import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestApi } from '../../api/client.js';
import type { ApiRequestBody } from '../../api/types.js';

type PmBody = ApiRequestBody<'/api/v1/incidents/{id}/post-mortem', 'post'>;
type AmBody = ApiRequestBody<'/api/v1/incidents/{id}/ante-mortem', 'post'>;
type SurvivorBody = ApiRequestBody<'/api/v1/incidents/{id}/survivors', 'post'>;

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const script = (name: string): 'Latn' | 'Arab' | 'Cyrl' | 'Other' =>
  /[\u0600-\u06ff]/.test(name)
    ? 'Arab'
    : /[\u0400-\u04ff]/.test(name)
      ? 'Cyrl'
      : /[A-Za-z]/.test(name)
        ? 'Latn'
        : 'Other';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The three record forms of an incident's DVI team, one at a time. */
export function DviRecordForms({ incidentId, onSaved }: { incidentId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'pm' | 'am' | 'survivor'>('pm');
  const [v, setV] = useState<Record<string, string>>({ sex: 'male', condition: 'complete' });
  const [synthetic, setSynthetic] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: string) => (e: { target: { value: string } }) =>
    setV((old) => ({ ...old, [k]: e.target.value }));
  const input = (k: string, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={`dvi-${k}`} label={label}>
      <input id={`dvi-${k}`} dir="auto" value={v[k] ?? ''} onChange={set(k)} {...extra} />
    </Field>
  );
  const area = (k: string, label: string) => (
    <Field id={`dvi-${k}`} label={label}>
      <textarea id={`dvi-${k}`} dir="auto" rows={2} value={v[k] ?? ''} onChange={set(k)} />
    </Field>
  );
  const sexSelect = (
    <Field id="dvi-sex" label={t('incidentsModule.forms.sex')}>
      <select id="dvi-sex" value={v.sex} onChange={set('sex')}>
        {(['male', 'female', 'unknown'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`incidentsModule.sex.${s}`)}
          </option>
        ))}
      </select>
    </Field>
  );
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const reference = v.reference ?? '';
    const optional = <T,>(value: T | undefined, key: string) =>
      value === undefined || (Array.isArray(value) && value.length === 0) ? {} : { [key]: value };
    let path: string;
    let body: PmBody | AmBody | SurvivorBody;
    if (kind === 'pm') {
      const [aMin, aMax, hMin, hMax] = [
        num(v.ageMin ?? ''),
        num(v.ageMax ?? ''),
        num(v.hMin ?? ''),
        num(v.hMax ?? ''),
      ];
      path = 'post-mortem';
      body = {
        reference,
        synthetic,
        form: {
          recoveryPlace: v.place ?? '',
          recoveredAt: new Date(v.recoveredAt ?? '').toISOString(),
          condition: (v.condition ?? 'complete') as PmBody['form']['condition'],
          sex: (v.sex ?? 'unknown') as PmBody['form']['sex'],
          ...(aMin !== undefined && aMax !== undefined ? { ageRange: { min: aMin, max: aMax } } : {}),
          ...(hMin !== undefined && hMax !== undefined ? { heightCm: { min: hMin, max: hMax } } : {}),
          ...optional(lines(v.marks ?? ''), 'marks'),
          ...optional(lines(v.clothing ?? ''), 'clothing'),
          ...optional(lines(v.effects ?? ''), 'effects'),
          ...(lines(v.docNames ?? '').length > 0
            ? { documents: [{ kind: v.docKind || 'document', names: lines(v.docNames ?? '') }] }
            : {}),
          ...(v.storage ? { storage: v.storage } : {}),
        },
      };
    } else if (kind === 'am') {
      path = 'ante-mortem';
      body = {
        reference,
        synthetic,
        form: {
          names: lines(v.names ?? '').map((full) => ({ full, script: script(full) })),
          sex: (v.sex ?? 'unknown') as AmBody['form']['sex'],
          ...(v.dob ? { dateOfBirth: v.dob } : {}),
          ...optional(num(v.height ?? ''), 'heightCm'),
          ...optional(lines(v.marks ?? ''), 'marks'),
          ...optional(lines(v.clothing ?? ''), 'clothing'),
          ...optional(lines(v.effects ?? ''), 'effects'),
          ...(v.lastPlace && v.lastDate ? { lastSeen: { place: v.lastPlace, date: v.lastDate } } : {}),
          collectedBy: v.collectedBy ?? '',
          collectedFrom: v.collectedFrom ?? '',
        },
      };
    } else {
      path = 'survivors';
      body = {
        reference,
        synthetic,
        form: {
          names: lines(v.names ?? '').map((full) => ({ full, script: script(full) })),
          sex: (v.sex ?? 'unknown') as SurvivorBody['form']['sex'],
          ...optional(num(v.age ?? ''), 'age'),
          ...(v.consulate
            ? { consularNotification: { consulate: v.consulate, at: new Date().toISOString() } }
            : {}),
        },
      };
    }
    const r = await requestApi(`/incidents/${incidentId}/${path}`, { method: 'POST', body });
    if (!r.ok) {
      setMessage(r.message || r.code);
      return;
    }
    setMessage(t('incidentsModule.forms.saved', { reference }));
    setV({ sex: 'male', condition: 'complete' });
    onSaved();
  }
  return (
    <section aria-labelledby="dvi-forms-heading" data-testid="dvi-record-forms">
      <h3 id="dvi-forms-heading">{t('incidentsModule.forms.title')}</h3>
      <Field id="dvi-kind" label={t('incidentsModule.forms.kind')}>
        <select id="dvi-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="pm">{t('incidentsModule.forms.pm')}</option>
          <option value="am">{t('incidentsModule.forms.am')}</option>
          <option value="survivor">{t('incidentsModule.forms.survivor')}</option>
        </select>
      </Field>
      <form onSubmit={onSubmit}>
        {input('reference', t('incidentsModule.forms.reference'), { required: true, dir: 'ltr' })}
        {kind !== 'pm' ? area('names', t('incidentsModule.forms.names')) : null}
        {sexSelect}
        {kind === 'pm' ? (
          <>
            {input('place', t('incidentsModule.forms.recoveryPlace'), { required: true })}
            {input('recoveredAt', t('incidentsModule.forms.recoveredAt'), {
              type: 'datetime-local',
              required: true,
            })}
            <Field id="dvi-condition" label={t('incidentsModule.forms.condition')}>
              <select id="dvi-condition" value={v.condition} onChange={set('condition')}>
                {(['complete', 'incomplete', 'fragmented', 'decomposed', 'skeletonised'] as const).map(
                  (c) => (
                    <option key={c} value={c}>
                      {t(`incidentsModule.condition.${c}`)}
                    </option>
                  ),
                )}
              </select>
            </Field>
            {input('ageMin', t('incidentsModule.forms.ageMin'), { type: 'number' })}
            {input('ageMax', t('incidentsModule.forms.ageMax'), { type: 'number' })}
            {input('hMin', t('incidentsModule.forms.heightMin'), { type: 'number' })}
            {input('hMax', t('incidentsModule.forms.heightMax'), { type: 'number' })}
            {input('docKind', t('incidentsModule.forms.docKind'))}
            {area('docNames', t('incidentsModule.forms.docNames'))}
            {input('storage', t('incidentsModule.forms.storage'))}
          </>
        ) : null}
        {kind === 'am' ? (
          <>
            {input('dob', t('incidentsModule.forms.dob'), { dir: 'ltr', placeholder: '1994-03-02' })}
            {input('height', t('incidentsModule.forms.height'), { type: 'number' })}
            {input('lastPlace', t('incidentsModule.forms.lastPlace'))}
            {input('lastDate', t('incidentsModule.forms.lastDate'), {
              dir: 'ltr',
              placeholder: '2025-01-02',
            })}
            {input('collectedBy', t('incidentsModule.forms.collectedBy'), { required: true })}
            {input('collectedFrom', t('incidentsModule.forms.collectedFrom'), { required: true })}
          </>
        ) : null}
        {kind === 'survivor' ? (
          <>
            {input('age', t('incidentsModule.forms.age'), { type: 'number' })}
            {input('consulate', t('incidentsModule.forms.consulate'))}
          </>
        ) : null}
        {kind !== 'survivor' ? (
          <>
            {area('marks', t('incidentsModule.forms.marks'))}
            {area('clothing', t('incidentsModule.forms.clothing'))}
            {area('effects', t('incidentsModule.forms.effects'))}
          </>
        ) : null}
        <label>
          <input type="checkbox" checked={synthetic} onChange={(e) => setSynthetic(e.target.checked)} />{' '}
          {t('incidentsModule.forms.synthetic')}
        </label>
        <div className="actions">
          <button type="submit" className="button button-primary">
            {t('incidentsModule.forms.save')}
          </button>
        </div>
      </form>
      {message ? <output>{message}</output> : null}
    </section>
  );
}
