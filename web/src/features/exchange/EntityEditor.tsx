import { useTranslation } from 'react-i18next';
import { type EntityDraft, emptyEntity, type NameDraft, nextEntityId } from './compose-model.js';
import { FormField, GroupIssues } from './FormField.js';
import { guessScript } from './format.js';
import { plainT } from './plain-t.js';
import type { FieldIssue } from './types.js';
import {
  DOCUMENT_TYPES,
  EDITABLE_ENTITY_KINDS,
  NAME_SCRIPTS,
  ORGANISATION_TYPES,
  PERSON_ROLES,
  SEXES,
} from './vocabulary.js';

/** Props of {@link EntityEditor}. */
export interface EntityEditorProps {
  entities: EntityDraft[];
  onChange: (entities: EntityDraft[]) => void;
  issues: ReadonlyMap<string, FieldIssue[]>;
}

/** Structured entities of a message: persons, documents, phones, vessels, organisations, locations. */
export function EntityEditor({ entities, onChange, issues }: EntityEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, next: EntityDraft) =>
    onChange(entities.map((entity, i) => (i === index ? next : entity)));
  const remove = (index: number) => onChange(entities.filter((_, i) => i !== index));
  return (
    <fieldset className="entity-editor" data-testid="compose-entities">
      <legend>{t('exchange.entities.title')}</legend>
      <p className="field-hint">{t('exchange.compose.entitiesHint')}</p>
      <GroupIssues path="entities" issues={issues} />
      {entities.map((entity, index) => (
        <section
          key={entity.id}
          className="entity-draft"
          data-testid={`compose-entity-${index}`}
          aria-label={t(`exchange.entities.kinds.${entity.kind}`)}
        >
          <header className="entity-draft-head">
            <h4>
              {t(`exchange.entities.kinds.${entity.kind}`)} <span className="muted mono">{entity.id}</span>
            </h4>
            <button
              type="button"
              className="button button-secondary"
              data-testid={`compose-entity-${index}-remove`}
              onClick={() => remove(index)}
            >
              {t('exchange.compose.remove')}
            </button>
          </header>
          <GroupIssues path={`entities.${index}`} issues={issues} />
          <EntityFields
            entity={entity}
            at={`entities.${index}`}
            issues={issues}
            onChange={(next) => update(index, next)}
          />
        </section>
      ))}
      <div className="entity-add">
        <span>{t('exchange.compose.addEntity')}</span>
        {EDITABLE_ENTITY_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button-secondary"
            data-testid={`compose-add-${kind}`}
            onClick={() => onChange([...entities, emptyEntity(kind, nextEntityId(kind, entities))])}
          >
            + {t(`exchange.entities.kinds.${kind}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

interface FieldsProps<E extends EntityDraft> {
  entity: E;
  at: string;
  issues: ReadonlyMap<string, FieldIssue[]>;
  onChange: (next: EntityDraft) => void;
}

function EntityFields(props: FieldsProps<EntityDraft>) {
  const { entity } = props;
  switch (entity.kind) {
    case 'person':
      return <PersonFields {...props} entity={entity} />;
    case 'identity_document':
      return <DocumentFields {...props} entity={entity} />;
    case 'phone':
      return <PhoneFields {...props} entity={entity} />;
    case 'vessel':
      return <VesselFields {...props} entity={entity} />;
    case 'organisation':
      return <OrganisationFields {...props} entity={entity} />;
    case 'location':
      return <LocationFields {...props} entity={entity} />;
  }
}

/** A text input bound to one string field of an entity draft. */
function TextField<E extends EntityDraft>({
  entity,
  at,
  issues,
  onChange,
  field,
  label,
  hint,
  dir,
  multiline,
}: FieldsProps<E> & {
  field: keyof E & string;
  label: string;
  hint?: string;
  dir?: 'auto' | 'ltr';
  multiline?: boolean;
}) {
  const value = String(entity[field] ?? '');
  const set = (next: string) => onChange({ ...entity, [field]: next } as EntityDraft);
  return (
    <FormField path={`${at}.${field}`} label={label} hint={hint} issues={issues}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            value={value}
            dir={dir}
            rows={3}
            onChange={(event) => set(event.target.value)}
          />
        ) : (
          <input {...control} value={value} dir={dir} onChange={(event) => set(event.target.value)} />
        )
      }
    </FormField>
  );
}

/** A select bound to one enumerated field of an entity draft. */
function SelectField<E extends EntityDraft>({
  entity,
  at,
  issues,
  onChange,
  field,
  label,
  options,
  blank,
}: FieldsProps<E> & {
  field: keyof E & string;
  label: string;
  options: ReadonlyArray<[string, string]>;
  blank?: string;
}) {
  return (
    <FormField path={`${at}.${field}`} label={label} issues={issues}>
      {(control) => (
        <select
          {...control}
          value={String(entity[field] ?? '')}
          onChange={(event) => onChange({ ...entity, [field]: event.target.value } as EntityDraft)}
        >
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function useLabels() {
  const { t } = useTranslation();
  return {
    t,
    f: (key: string) => plainT(t)(`exchange.entities.fields.${key}`),
    e: (group: string, code: string) => plainT(t)(`exchange.enums.${group}.${code}`, { defaultValue: code }),
  };
}

function PersonFields(props: FieldsProps<Extract<EntityDraft, { kind: 'person' }>>) {
  const { entity, at, issues, onChange } = props;
  const { t, f, e } = useLabels();
  const setName = (index: number, next: NameDraft) =>
    onChange({ ...entity, names: entity.names.map((name, i) => (i === index ? next : name)) });
  return (
    <div className="entity-fields-grid">
      <SelectField
        {...props}
        field="role"
        label={f('role')}
        options={PERSON_ROLES.map((role) => [role, e('personRole', role)])}
      />
      <SelectField
        {...props}
        field="sex"
        label={f('sex')}
        blank={t('exchange.compose.notStated')}
        options={SEXES.map((sex) => [sex, e('sex', sex)])}
      />
      <fieldset className="names-editor wide">
        <legend>{f('names')}</legend>
        <p className="field-hint">{t('exchange.compose.namesHint')}</p>
        <GroupIssues path={`${at}.names`} issues={issues} />
        {entity.names.map((name, n) => {
          const path = `${at}.names.${n}`;
          const part = (key: 'full' | 'given' | 'family' | 'father') => (
            <FormField path={`${path}.${key}`} label={f(`name_${key}`)} issues={issues}>
              {(control) => (
                <input
                  {...control}
                  dir="auto"
                  value={name[key]}
                  onChange={(event) => {
                    const value = event.target.value;
                    // Follow the script of what is typed, unless the user chose another one.
                    const next = { ...name, [key]: value };
                    const before = guessScript([name.full, name.given, name.family, name.father].join(' '));
                    const followed =
                      name.script === before ||
                      `${name.full}${name.given}${name.family}${name.father}` === '';
                    const after = guessScript([next.full, next.given, next.family, next.father].join(' '));
                    setName(n, followed ? { ...next, script: after } : next);
                  }}
                />
              )}
            </FormField>
          );
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: names are edited in place and never reordered
            <div key={n} className="name-row" data-testid={`compose-${path.replace(/\./g, '-')}`}>
              <GroupIssues path={path} issues={issues} />
              <FormField path={`${path}.script`} label={f('script')} issues={issues}>
                {(control) => (
                  <select
                    {...control}
                    value={name.script}
                    onChange={(event) => setName(n, { ...name, script: event.target.value })}
                  >
                    {NAME_SCRIPTS.map((script) => (
                      <option key={script} value={script}>
                        {t(`exchange.scripts.${script}`)} ({script})
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              {part('full')}
              {part('given')}
              {part('father')}
              {part('family')}
              {entity.names.length > 1 ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onChange({ ...entity, names: entity.names.filter((_, i) => i !== n) })}
                >
                  {t('exchange.compose.removeName')}
                </button>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button button-secondary"
          data-testid={`compose-${at.replace(/\./g, '-')}-add-name`}
          onClick={() =>
            onChange({
              ...entity,
              names: [...entity.names, { script: 'Arab', given: '', family: '', father: '', full: '' }],
            })
          }
        >
          + {t('exchange.compose.addName')}
        </button>
      </fieldset>
      <TextField
        {...props}
        field="datesOfBirth"
        label={f('datesOfBirth')}
        hint={t('exchange.compose.datesOfBirthHint')}
        dir="ltr"
      />
      <TextField
        {...props}
        field="nationalities"
        label={f('nationalities')}
        hint={t('exchange.compose.countriesHint')}
        dir="ltr"
      />
    </div>
  );
}

function DocumentFields(props: FieldsProps<Extract<EntityDraft, { kind: 'identity_document' }>>) {
  const { t, f, e } = useLabels();
  return (
    <div className="entity-fields-grid">
      <SelectField
        {...props}
        field="documentType"
        label={f('documentType')}
        options={DOCUMENT_TYPES.map((type) => [type, e('documentType', type)])}
      />
      <TextField {...props} field="number" label={f('number')} dir="ltr" />
      <TextField
        {...props}
        field="issuingCountry"
        label={f('issuingCountry')}
        hint={t('exchange.compose.countryHint')}
        dir="ltr"
      />
      <FormField path={`${props.at}.expiryDate`} label={f('expiryDate')} issues={props.issues}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={props.entity.expiryDate}
            onChange={(event) => props.onChange({ ...props.entity, expiryDate: event.target.value })}
          />
        )}
      </FormField>
      <div className="wide">
        <TextField
          {...props}
          field="mrz"
          label={f('mrz')}
          hint={t('exchange.compose.mrzHint')}
          dir="ltr"
          multiline
        />
      </div>
    </div>
  );
}

function PhoneFields(props: FieldsProps<Extract<EntityDraft, { kind: 'phone' }>>) {
  const { t, f } = useLabels();
  return (
    <div className="entity-fields-grid">
      <TextField
        {...props}
        field="number"
        label={f('number')}
        hint={t('exchange.compose.phoneHint')}
        dir="ltr"
      />
      <TextField
        {...props}
        field="country"
        label={f('country')}
        hint={t('exchange.compose.countryHint')}
        dir="ltr"
      />
    </div>
  );
}

function VesselFields(props: FieldsProps<Extract<EntityDraft, { kind: 'vessel' }>>) {
  const { t, f } = useLabels();
  return (
    <div className="entity-fields-grid">
      <TextField {...props} field="name" label={f('name')} dir="auto" />
      <TextField
        {...props}
        field="flag"
        label={f('flag')}
        hint={t('exchange.compose.countryHint')}
        dir="ltr"
      />
      <TextField {...props} field="imo" label={f('imo')} hint={t('exchange.compose.imoHint')} dir="ltr" />
      <TextField {...props} field="mmsi" label={f('mmsi')} hint={t('exchange.compose.mmsiHint')} dir="ltr" />
    </div>
  );
}

function OrganisationFields(props: FieldsProps<Extract<EntityDraft, { kind: 'organisation' }>>) {
  const { f, e } = useLabels();
  return (
    <div className="entity-fields-grid">
      <SelectField
        {...props}
        field="organisationType"
        label={f('type')}
        options={ORGANISATION_TYPES.map((type) => [type, e('organisationType', type)])}
      />
      <ScriptedNameFields {...props} />
    </div>
  );
}

function LocationFields(props: FieldsProps<Extract<EntityDraft, { kind: 'location' }>>) {
  const { f } = useLabels();
  return (
    <div className="entity-fields-grid">
      <ScriptedNameFields {...props} />
      <FormField path={`${props.at}.coordinates.lat`} label={f('lat')} issues={props.issues}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            dir="ltr"
            value={props.entity.lat}
            onChange={(event) => props.onChange({ ...props.entity, lat: event.target.value })}
          />
        )}
      </FormField>
      <FormField path={`${props.at}.coordinates.lon`} label={f('lon')} issues={props.issues}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            dir="ltr"
            value={props.entity.lon}
            onChange={(event) => props.onChange({ ...props.entity, lon: event.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}

/** One name with its script, for organisations and places. */
function ScriptedNameFields(props: FieldsProps<Extract<EntityDraft, { kind: 'organisation' | 'location' }>>) {
  const { t, f } = useLabels();
  const { entity, at, issues, onChange } = props;
  return (
    <>
      <FormField path={`${at}.names`} label={f('name')} issues={issues}>
        {(control) => (
          <input
            {...control}
            dir="auto"
            value={entity.name}
            onChange={(event) =>
              onChange({ ...entity, name: event.target.value, script: guessScript(event.target.value) })
            }
          />
        )}
      </FormField>
      <FormField path={`${at}.script`} label={f('script')} issues={issues}>
        {(control) => (
          <select
            {...control}
            value={entity.script}
            onChange={(event) => onChange({ ...entity, script: event.target.value })}
          >
            {NAME_SCRIPTS.map((script) => (
              <option key={script} value={script}>
                {t(`exchange.scripts.${script}`)} ({script})
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
