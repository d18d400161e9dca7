import { useTranslation } from 'react-i18next';

/** A person's names (one spelling per line, any script) and optional year of birth. */
export function PersonFields(props: {
  prefix: string;
  names: string;
  onNames: (s: string) => void;
  birthYear: string;
  onBirthYear: (s: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${props.prefix}-names`}>{t('matchingModule.form.names')}</label>
        <textarea
          id={`${props.prefix}-names`}
          dir="auto"
          rows={2}
          value={props.names}
          onChange={(e) => props.onNames(e.target.value)}
          required
        />
        <small>{t('matchingModule.form.namesHint')}</small>
      </div>
      <div className="field">
        <label htmlFor={`${props.prefix}-year`}>{t('matchingModule.form.birthYear')}</label>
        <input
          id={`${props.prefix}-year`}
          dir="ltr"
          inputMode="numeric"
          pattern="\d{4}"
          value={props.birthYear}
          onChange={(e) => props.onBirthYear(e.target.value)}
        />
      </div>
    </>
  );
}

/** A vessel's IMO and/or MMSI. */
export function VesselFields(props: {
  prefix: string;
  imo: string;
  onImo: (s: string) => void;
  mmsi: string;
  onMmsi: (s: string) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${props.prefix}-imo`}>IMO</label>
        <input
          id={`${props.prefix}-imo`}
          dir="ltr"
          value={props.imo}
          onChange={(e) => props.onImo(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${props.prefix}-mmsi`}>MMSI</label>
        <input
          id={`${props.prefix}-mmsi`}
          dir="ltr"
          value={props.mmsi}
          onChange={(e) => props.onMmsi(e.target.value)}
        />
      </div>
    </>
  );
}
