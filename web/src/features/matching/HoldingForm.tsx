import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../admin/shared.js';
import { CRIME_AREAS, type CrimeArea } from '../exchange/vocabulary.js';
import { registerHoldings } from './api.js';
import { PersonFields, VesselFields } from './ItemFields.js';
import { useErrorText } from './use-error-text.js';

/** Record types the index holds (the API's list); a victim is never one of them. */
const TYPES = ['person', 'identity_document', 'phone', 'vessel', 'financial'] as const;
type RecordType = (typeof TYPES)[number];
/** Roles of a person that may be matched: victims, survivors, the missing and the dead never are. */
const ROLES = ['suspect', 'witness', 'relative', 'other'] as const;

/** The script of a name as written, for the entity (the names engine matches across scripts). */
function scriptOf(name: string): string {
  if (/\p{Script=Arabic}/u.test(name)) return 'Arab';
  if (/\p{Script=Cyrillic}/u.test(name)) return 'Cyrl';
  if (/\p{Script=Hebrew}/u.test(name)) return 'Hebr';
  return 'Latn';
}

/**
 * Registers one of this node's records for matching (administrator): the same fields the API
 * takes. The API checks the entity and refuses what is not matchable; its error is shown.
 */
export function HoldingForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [source, setSource] = useState('');
  const [areas, setAreas] = useState<CrimeArea[]>([]);
  const [type, setType] = useState<RecordType>('person');
  const [role, setRole] = useState<(typeof ROLES)[number]>('suspect');
  const [names, setNames] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [number, setNumber] = useState('');
  const [country, setCountry] = useState('');
  const [imo, setImo] = useState('');
  const [mmsi, setMmsi] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  function entity(): Record<string, unknown> {
    const id = `web-${Date.now().toString(36)}`;
    switch (type) {
      case 'person':
        return {
          kind: 'person',
          id,
          role,
          names: names
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean)
            .map((full) => ({ full, script: scriptOf(full) })),
          ...(birthYear.trim() ? { datesOfBirth: [birthYear.trim()] } : {}),
        };
      case 'identity_document':
        return {
          kind: 'identity_document',
          id,
          documentType: 'passport',
          number: number.trim(),
          issuingCountry: country.trim().toUpperCase(),
        };
      case 'phone':
        return { kind: 'phone', id, number: number.trim() };
      case 'vessel':
        return {
          kind: 'vessel',
          id,
          ...(imo.trim() ? { imo: imo.trim() } : {}),
          ...(mmsi.trim() ? { mmsi: mmsi.trim() } : {}),
        };
      case 'financial':
        return { kind: 'financial', id, scheme: 'iban', iban: number.replace(/\s+/g, '') };
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (areas.length === 0) {
      setError(t('matchingModule.holdings.form.areasRequired'));
      return;
    }
    const r = await registerHoldings({ source, crimeAreas: areas, entities: [entity()] });
    if (!r.ok) {
      setError(errorText(r.code, r.message));
      return;
    }
    setDone(true);
    setNames('');
    setBirthYear('');
    setNumber('');
    setCountry('');
    setImo('');
    setMmsi('');
    onAdded();
  }

  return (
    <form onSubmit={onSubmit} data-testid="matching-holding-form">
      <h4>{t('matchingModule.holdings.form.title')}</h4>
      <div className="field">
        <label htmlFor="mh-source">{t('matchingModule.holdings.source')}</label>
        <input
          id="mh-source"
          dir="auto"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          required
          maxLength={200}
        />
      </div>
      <fieldset className="checkbox-group">
        <legend>{t('matchingModule.policy.crimeAreas')}</legend>
        {CRIME_AREAS.map((area) => (
          <label key={area} className="check">
            <input
              type="checkbox"
              checked={areas.includes(area)}
              onChange={() =>
                setAreas((l) => (l.includes(area) ? l.filter((a) => a !== area) : [...l, area]))
              }
              data-testid={`mh-area-${area}`}
            />
            {t(`exchange.crimeAreas.${area}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="mh-type">{t('matchingModule.resolve.recordType')}</label>
        <select id="mh-type" value={type} onChange={(e) => setType(e.target.value as RecordType)}>
          {TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`matchingModule.recordTypes.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {type === 'person' ? (
        <>
          <div className="field">
            <label htmlFor="mh-role">{t('matchingModule.holdings.form.role')}</label>
            <select
              id="mh-role"
              value={role}
              onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`exchange.enums.personRole.${r}`)}
                </option>
              ))}
            </select>
            <small>{t('matchingModule.holdings.form.roleHint')}</small>
          </div>
          <PersonFields
            prefix="mh"
            names={names}
            onNames={setNames}
            birthYear={birthYear}
            onBirthYear={setBirthYear}
          />
        </>
      ) : null}
      {type === 'identity_document' || type === 'phone' || type === 'financial' ? (
        <div className="field">
          <label htmlFor="mh-number">
            {t(
              type === 'identity_document'
                ? 'matchingModule.form.number_passport'
                : type === 'phone'
                  ? 'matchingModule.form.number_phone'
                  : 'matchingModule.form.number_iban',
            )}
          </label>
          <input
            id="mh-number"
            dir="ltr"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            required
          />
        </div>
      ) : null}
      {type === 'identity_document' ? (
        <div className="field">
          <label htmlFor="mh-country">{t('matchingModule.holdings.form.issuingCountry')}</label>
          <input
            id="mh-country"
            dir="ltr"
            maxLength={2}
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            required
          />
        </div>
      ) : null}
      {type === 'vessel' ? (
        <VesselFields prefix="mh" imo={imo} onImo={setImo} mmsi={mmsi} onMmsi={setMmsi} />
      ) : null}
      <button type="submit" className="button button-primary">
        {t('matchingModule.holdings.form.submit')}
      </button>
      {done ? (
        <p aria-live="polite" data-testid="matching-holding-added">
          {t('matchingModule.holdings.form.added')}
        </p>
      ) : null}
      <ErrorLine text={error} testId="matching-holding-error" />
    </form>
  );
}
