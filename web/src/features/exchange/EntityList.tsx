import { useTranslation } from 'react-i18next';
import { countryName, formatDate } from './format.js';
import { plainT } from './plain-t.js';
import type { EntityView } from './types.js';
import { ENTITY_KINDS, type EntityKind } from './vocabulary.js';

type TFunction = ReturnType<typeof useTranslation>['t'];

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/** Label of an enumerated value, translated when the catalogue has it, else the code. */
function enumLabel(t: TFunction, group: string, value: unknown): string | undefined {
  const code = str(value);
  if (code === undefined) return undefined;
  const key = `exchange.enums.${group}.${code}`;
  // Codes from newer nodes may be unknown here: show them as they are.
  const label = plainT(t)(key, { defaultValue: code });
  return label;
}

/** Structured entities of a message, each kind laid out for reading. */
export function EntityList({ entities }: { entities: readonly EntityView[] }) {
  const { t } = useTranslation();
  if (entities.length === 0) return null;
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  return (
    <section className="entities" aria-label={t('exchange.entities.title')}>
      <h4>{t('exchange.entities.title')}</h4>
      <ul className="entity-list">
        {entities.map((entity) => (
          <li key={entity.id} className={`entity entity-${entity.kind}`} data-testid={`entity-${entity.id}`}>
            <p className="entity-kind">
              {isKind(entity.kind) ? t(`exchange.entities.kinds.${entity.kind}`) : entity.kind}
              {entity.synthetic === true ? (
                <span className="badge">{t('exchange.entities.synthetic')}</span>
              ) : null}
            </p>
            <EntityBody entity={entity} byId={byId} />
            {str(entity.notes) ? (
              <p className="entity-notes" dir="auto">
                {str(entity.notes)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A short human label for an entity, used by relationships and documents to point at it. */
export function entityTitle(entity: EntityView): string {
  switch (entity.kind) {
    case 'person': {
      const name = list(entity.names)[0] as Record<string, unknown> | undefined;
      if (!name) return entity.id;
      return (
        str(name.full) ??
        ([name.given, name.father, name.family].map(str).filter(Boolean).join(' ') || entity.id)
      );
    }
    case 'organisation':
    case 'location': {
      const name = list(entity.names)[0] as Record<string, unknown> | undefined;
      return str(name?.name) ?? str(entity.address) ?? entity.id;
    }
    case 'identity_document':
    case 'phone':
      return str(entity.number) ?? entity.id;
    case 'vessel':
      return str(entity.name) ?? str(entity.imo) ?? str(entity.mmsi) ?? entity.id;
    case 'vehicle':
      return str(entity.plate) ?? str(entity.vin) ?? entity.id;
    default:
      return str(entity.title) ?? entity.id;
  }
}

function EntityBody({ entity, byId }: { entity: EntityView; byId: ReadonlyMap<string, EntityView> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const country = (code: unknown) =>
    str(code) ? `${countryName(str(code) ?? '', language)} (${str(code)})` : undefined;
  const ref = (id: unknown) => {
    const target = str(id) ? byId.get(str(id) ?? '') : undefined;
    return target ? <bdi dir="auto">{entityTitle(target)}</bdi> : str(id);
  };
  const f = (key: string) => plainT(t)(`exchange.entities.fields.${key}`);

  switch (entity.kind) {
    case 'person':
      return (
        <>
          <ul className="person-names">
            {list(entity.names).map((raw, index) => {
              const name = raw as Record<string, unknown>;
              const parts: Array<[string, string | undefined]> = [
                ['full', str(name.full)],
                ['given', str(name.given)],
                ['father', str(name.father)],
                ['family', str(name.family)],
              ];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: names have no id and never reorder here
                <li key={index} lang={str(name.lang)}>
                  <span className="script-tag">{str(name.script)}</span>{' '}
                  {parts
                    .filter(([, value]) => value !== undefined)
                    .map(([part, value]) => (
                      <span key={part} className="name-part">
                        <span className="name-part-label">{f(`name_${part}`)}</span>{' '}
                        <bdi dir="auto" className="person-name">
                          {value}
                        </bdi>
                      </span>
                    ))}
                </li>
              );
            })}
          </ul>
          <dl className="entity-fields">
            <Field label={f('role')}>{enumLabel(t, 'personRole', entity.role)}</Field>
            <Field label={f('sex')}>{enumLabel(t, 'sex', entity.sex)}</Field>
            <Field label={f('datesOfBirth')}>
              {list(entity.datesOfBirth).map(str).filter(Boolean).join(' · ')}
            </Field>
            <Field label={f('placeOfBirth')}>{str(entity.placeOfBirth)}</Field>
            <Field label={f('nationalities')}>
              {list(entity.nationalities).map(country).filter(Boolean).join(', ')}
            </Field>
            <Field label={f('description')}>{str(entity.description)}</Field>
          </dl>
        </>
      );
    case 'identity_document':
      return (
        <dl className="entity-fields">
          <Field label={f('documentType')}>{enumLabel(t, 'documentType', entity.documentType)}</Field>
          <Field label={f('number')}>
            <bdi className="mono">{str(entity.number)}</bdi>
          </Field>
          <Field label={f('issuingCountry')}>{country(entity.issuingCountry)}</Field>
          <Field label={f('issueDate')}>{formatDate(str(entity.issueDate), language)}</Field>
          <Field label={f('expiryDate')}>{formatDate(str(entity.expiryDate), language)}</Field>
          <Field label={f('holder')}>{ref(entity.holderRef)}</Field>
          <Field label={f('mrz')}>
            {str(entity.mrz) ? (
              <pre className="mrz" dir="ltr">
                {str(entity.mrz)}
              </pre>
            ) : undefined}
          </Field>
          <Field label={f('suspectedFraud')}>
            {entity.suspectedFraud === true ? t('exchange.entities.yes') : undefined}
          </Field>
        </dl>
      );
    case 'phone':
      return (
        <dl className="entity-fields">
          <Field label={f('number')}>
            <bdi className="mono" dir="ltr">
              {str(entity.number)}
            </bdi>
          </Field>
          <Field label={f('country')}>{country(entity.country)}</Field>
          <Field label={f('messagingApps')}>
            {list(entity.messagingApps).map(str).filter(Boolean).join(', ')}
          </Field>
          <Field label={f('imei')}>{str(entity.imei)}</Field>
          <Field label={f('label')}>{str(entity.label)}</Field>
        </dl>
      );
    case 'vessel':
      return (
        <dl className="entity-fields">
          <Field label={f('name')}>
            {str(entity.name) ? <bdi dir="auto">{str(entity.name)}</bdi> : undefined}
          </Field>
          <Field label={f('flag')}>{country(entity.flag)}</Field>
          <Field label={f('imo')}>{str(entity.imo)}</Field>
          <Field label={f('mmsi')}>{str(entity.mmsi)}</Field>
          <Field label={f('callSign')}>{str(entity.callSign)}</Field>
          <Field label={f('description')}>{str(entity.description)}</Field>
        </dl>
      );
    case 'vehicle':
      return (
        <dl className="entity-fields">
          <Field label={f('plate')}>{str(entity.plate)}</Field>
          <Field label={f('country')}>{country(entity.country)}</Field>
          <Field label={f('vin')}>{str(entity.vin)}</Field>
          <Field label={f('description')}>
            {[entity.make, entity.model, entity.colour].map(str).filter(Boolean).join(' ')}
          </Field>
        </dl>
      );
    case 'organisation':
    case 'location': {
      const coordinates = entity.coordinates as { lat?: number; lon?: number } | undefined;
      return (
        <>
          <ul className="person-names">
            {list(entity.names).map((raw, index) => {
              const name = raw as Record<string, unknown>;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: names have no id and never reorder here
                <li key={index}>
                  <span className="script-tag">{str(name.script)}</span>{' '}
                  <bdi dir="auto">{str(name.name)}</bdi>
                </li>
              );
            })}
          </ul>
          <dl className="entity-fields">
            <Field label={f('type')}>
              {entity.kind === 'organisation'
                ? enumLabel(t, 'organisationType', entity.organisationType)
                : str(entity.locationType)}
            </Field>
            <Field label={f('countries')}>
              {list(entity.countries).map(country).filter(Boolean).join(', ')}
            </Field>
            <Field label={f('country')}>{country(entity.country)}</Field>
            <Field label={f('address')}>{str(entity.address)}</Field>
            <Field label={f('coordinates')}>
              {coordinates && typeof coordinates.lat === 'number' && typeof coordinates.lon === 'number' ? (
                <bdi dir="ltr">
                  {coordinates.lat.toFixed(5)}, {coordinates.lon.toFixed(5)}
                </bdi>
              ) : undefined}
            </Field>
            <Field label={f('description')}>{str(entity.description)}</Field>
          </dl>
        </>
      );
    }
    case 'financial':
      return (
        <dl className="entity-fields">
          <Field label={f('scheme')}>{str(entity.scheme)}</Field>
          <Field label={f('number')}>
            <bdi className="mono" dir="ltr">
              {str(entity.iban) ??
                str(entity.accountNumber) ??
                str(entity.address) ??
                str(entity.phone) ??
                str(entity.agentName)}
            </bdi>
          </Field>
          <Field label={f('institution')}>
            {str(entity.institution) ?? str(entity.provider) ?? str(entity.network)}
          </Field>
          <Field label={f('country')}>{country(entity.country)}</Field>
          <Field label={f('holder')}>{ref(entity.holderRef) ?? str(entity.holderName)}</Field>
        </dl>
      );
    case 'relationship': {
      const from = entity.from as { ref?: string } | undefined;
      const to = entity.to as { ref?: string } | undefined;
      return (
        <p className="relationship">
          {ref(from?.ref)}{' '}
          <span className="relationship-type">
            — {enumLabel(t, 'relationshipType', entity.relationshipType)} →
          </span>{' '}
          {ref(to?.ref)}
        </p>
      );
    }
    case 'event':
      return (
        <dl className="entity-fields">
          <Field label={f('type')}>{str(entity.eventType)}</Field>
          <Field label={f('name')}>{str(entity.title)}</Field>
          <Field label={f('occurredAt')}>{str(entity.occurredAt)}</Field>
          <Field label={f('location')}>{ref(entity.locationRef)}</Field>
          <Field label={f('description')}>{str(entity.description)}</Field>
        </dl>
      );
    default:
      return <pre className="entity-raw">{JSON.stringify(entity, null, 2)}</pre>;
  }
}
