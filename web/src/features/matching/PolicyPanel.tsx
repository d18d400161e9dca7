import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../admin/shared.js';
import { CRIME_AREAS } from '../exchange/vocabulary.js';
import { matchingPolicies, type PolicyBody, type PolicyView, setMatchingPolicy } from './api.js';
import { useErrorText } from './use-error-text.js';

const RECORD_TYPES: PolicyBody['recordTypes'] = [
  'person',
  'identity_document',
  'phone',
  'vessel',
  'financial',
];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

/** The DPO's form for one partner: record types, crime areas, daily quota. */
function PolicyEditor(props: { policy: PolicyView; onSaved: (p: PolicyView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const p = props.policy;
  const [enabled, setEnabled] = useState(p.enabled);
  const [recordTypes, setRecordTypes] = useState(p.recordTypes);
  const [crimeAreas, setCrimeAreas] = useState(p.crimeAreas);
  const [quota, setQuota] = useState(String(p.dailyQuota));
  const [error, setError] = useState<string | null>(null);
  const id = `mp-${p.partner}`;
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await setMatchingPolicy(p.partner, {
      enabled,
      recordTypes,
      crimeAreas,
      dailyQuota: Number(quota),
    });
    if (r.ok) props.onSaved(r.value);
    else setError(errorText(r.code, r.message));
  }
  return (
    <form onSubmit={onSubmit} data-testid={`matching-policy-form-${p.partner}`}>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('matchingModule.policy.enabled')}
      </label>
      <fieldset className="checkbox-group">
        <legend>{t('matchingModule.policy.recordTypes')}</legend>
        {RECORD_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={recordTypes.includes(type)}
              onChange={() => setRecordTypes((l) => toggle(l, type))}
              data-testid={`${id}-type-${type}`}
            />
            {t(`matchingModule.recordTypes.${type}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>{t('matchingModule.policy.crimeAreas')}</legend>
        {CRIME_AREAS.map((area) => (
          <label key={area} className="check">
            <input
              type="checkbox"
              checked={crimeAreas.includes(area)}
              onChange={() => setCrimeAreas((l) => toggle(l, area))}
            />
            {t(`exchange.crimeAreas.${area}`)}
          </label>
        ))}
      </fieldset>
      <small>{t('matchingModule.policy.crimeAreasHint')}</small>
      <div className="field">
        <label htmlFor={`${id}-quota`}>{t('matchingModule.policy.quota')}</label>
        <input
          id={`${id}-quota`}
          type="number"
          dir="ltr"
          min={0}
          max={10_000_000}
          step={1}
          value={quota}
          onChange={(e) => setQuota(e.target.value)}
          required
        />
        <small>{t('matchingModule.policy.quotaHint')}</small>
      </div>
      <button type="submit" className="button button-primary">
        {t('matchingModule.policy.save')}
      </button>{' '}
      <button type="button" className="button button-secondary" onClick={props.onCancel}>
        {t('matchingModule.policy.cancel')}
      </button>
      <ErrorLine text={error} />
    </form>
  );
}

/**
 * Per-partner matching policy (deny by default): the DPO edits it, the administrator and
 * officers read it. A change bumps the policy version; the partner then gets a whole new filter.
 */
export function PolicyPanel({ canEdit, onChanged }: { canEdit: boolean; onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const [policies, setPolicies] = useState<PolicyView[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => {
    void matchingPolicies().then((r) => r.ok && setPolicies(r.value.policies));
  }, []);
  const date = (s: string | null) => (s ? new Date(s).toLocaleString(i18n.language) : '—');
  return (
    <section className="panel" aria-labelledby="match-policy-heading" data-testid="matching-policies">
      <h2 id="match-policy-heading">{t('matchingModule.policy.title')}</h2>
      <p>{t('matchingModule.policy.explain')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('matchingModule.form.partner')}</th>
            <th>{t('matchingModule.policy.state')}</th>
            <th>{t('matchingModule.policy.recordTypes')}</th>
            <th>{t('matchingModule.policy.crimeAreas')}</th>
            <th>{t('matchingModule.policy.quota')}</th>
            <th>{t('matchingModule.policy.changed')}</th>
            {canEdit ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.partner} data-testid={`matching-policy-${p.partner}`}>
              <td>{p.partner}</td>
              <td>{p.enabled ? t('matchingModule.policy.on') : t('matchingModule.policy.off')}</td>
              <td>{p.recordTypes.map((x) => t(`matchingModule.recordTypes.${x}`)).join(', ') || '—'}</td>
              <td>
                {p.crimeAreas.length
                  ? p.crimeAreas.map((a) => t(`exchange.crimeAreas.${a}`)).join(', ')
                  : t('matchingModule.policy.allAreas')}
              </td>
              <td dir="ltr">{p.dailyQuota.toLocaleString(i18n.language)}</td>
              <td>{p.updatedBy ? `${p.updatedBy}, ${date(p.updatedAt)} (v${p.version})` : '—'}</td>
              {canEdit ? (
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setEditing(p.partner)}
                  >
                    {t('matchingModule.policy.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {policies.length === 0 ? <p>{t('matchingModule.noPartner')}</p> : null}
      {canEdit && editing
        ? policies
            .filter((p) => p.partner === editing)
            .map((p) => (
              <PolicyEditor
                key={`${p.partner}-${p.version}`}
                policy={p}
                onCancel={() => setEditing(null)}
                onSaved={(saved) => {
                  setPolicies((list) => list.map((x) => (x.partner === saved.partner ? saved : x)));
                  setEditing(null);
                  onChanged?.();
                }}
              />
            ))
        : null}
    </section>
  );
}
