import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addItems, type CaseView, failureText, updateItem } from './api.js';
import { ErrorLine } from './CaseWorkPanels.js';
import { ENTITY_KINDS, LINK_TYPES, NETWORK_ROLES } from './vocabulary.js';

type Item = CaseView['entities'][number];
const SOURCES = ['A', 'B', 'C', 'X'] as const;
const ACCURACIES = ['1', '2', '3', '4'] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The 4×4 evaluation (source reliability, information accuracy) as two selects. */
function EvaluationFields({
  prefix,
  source,
  accuracy,
  onChange,
}: {
  prefix: string;
  source: string;
  accuracy: string;
  onChange: (source: string, accuracy: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-source`}>{t('casesModule.forms.source')}</label>
        <select id={`${prefix}-source`} value={source} onChange={(e) => onChange(e.target.value, accuracy)}>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-accuracy`}>{t('casesModule.forms.accuracy')}</label>
        <select id={`${prefix}-accuracy`} value={accuracy} onChange={(e) => onChange(source, e.target.value)}>
          {ACCURACIES.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** Adds an entity, or edits one (`editing`): names in several scripts, role, identifiers, evaluation. */
export function EntityForm({
  caseId,
  editing,
  onDone,
}: {
  caseId: string;
  editing: Item | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const ev = (editing?.evaluation as { source: string; accuracy: string } | undefined) ?? {
    source: 'B',
    accuracy: '2',
  };
  const [kind, setKind] = useState(String(editing?.kind ?? 'person'));
  const [label, setLabel] = useState(String(editing?.label ?? ''));
  const [aliases, setAliases] = useState(((editing?.aliases as string[]) ?? []).join('\n'));
  const [role, setRole] = useState(String(editing?.role ?? ''));
  const [identifiers, setIdentifiers] = useState(((editing?.identifiers as string[]) ?? []).join('\n'));
  const [nationality, setNationality] = useState(String(editing?.nationality ?? ''));
  const [birthDate, setBirthDate] = useState(String(editing?.birthDate ?? ''));
  const [source, setSource] = useState(ev.source);
  const [accuracy, setAccuracy] = useState(ev.accuracy);
  const [note, setNote] = useState('');
  const [notes, setNotes] = useState(String(editing?.notes ?? ''));
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const fields: Record<string, unknown> = {
      kind,
      label: label.trim(),
      aliases: lines(aliases),
      role: role || null,
      identifiers: lines(identifiers),
      nationality: nationality.trim().toUpperCase() || null,
      birthDate: birthDate.trim() || null,
      notes,
      evaluation: { source, accuracy },
    };
    let r: { ok: boolean } & Partial<{ message: string; code: string }>;
    if (editing) {
      // Send only what changed, with the versions the form showed: a concurrent edit is kept.
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(editing[k] ?? null)),
      );
      if (Object.keys(changed).length === 0) return onDone();
      const base = Object.fromEntries(Object.keys(changed).map((k) => [k, editing.version[k] ?? null]));
      const u = await updateItem(caseId, 'entities', editing.id, changed, base);
      if (!u.ok) return setError(failureText(u));
      r = u;
    } else {
      if (note.trim()) fields.provenance = { note: note.trim() };
      const a = await addItems(caseId, 'entities', [fields]);
      if (!a.ok) return setError(failureText(a));
      r = a;
    }
    if (r.ok) onDone();
  }
  const id = editing ? 'case-entity-edit' : 'case-entity';
  return (
    <form onSubmit={onSubmit} className="panel" data-testid={`${id}-form`} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {editing ? t('casesModule.forms.editEntity') : t('casesModule.forms.addEntity')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('casesModule.entities.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`casesModule.kinds.${k}` as 'casesModule.kinds.person')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('casesModule.entities.label')}</label>
        <input
          id={`${id}-label`}
          dir="auto"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-aliases`}>{t('casesModule.forms.aliases')}</label>
        <textarea
          id={`${id}-aliases`}
          dir="auto"
          rows={2}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('casesModule.entities.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('casesModule.forms.noRole')}</option>
          {NETWORK_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`casesModule.roles.${r}` as 'casesModule.roles.organiser')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-identifiers`}>{t('casesModule.forms.identifiers')}</label>
        <textarea
          id={`${id}-identifiers`}
          dir="ltr"
          rows={2}
          placeholder="phone:+212661000001"
          value={identifiers}
          onChange={(e) => setIdentifiers(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-nationality`}>{t('casesModule.forms.nationality')}</label>
        <input
          id={`${id}-nationality`}
          dir="ltr"
          maxLength={2}
          value={nationality}
          onChange={(e) => setNationality(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-birth`}>{t('casesModule.forms.birthDate')}</label>
        <input
          id={`${id}-birth`}
          dir="ltr"
          placeholder="1990-05"
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
        />
      </div>
      <EvaluationFields
        prefix={id}
        source={source}
        accuracy={accuracy}
        onChange={(s, a) => {
          setSource(s);
          setAccuracy(a);
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-notes`}>{t('casesModule.forms.notes')}</label>
        <textarea
          id={`${id}-notes`}
          dir="auto"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      {editing ? null : (
        <div className="field">
          <label htmlFor={`${id}-provenance`}>{t('casesModule.forms.provenanceNote')}</label>
          <input id={`${id}-provenance`} dir="auto" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary">
          {editing ? t('casesModule.forms.save') : t('casesModule.forms.addEntity')}
        </button>
        {editing ? (
          <button type="button" className="button button-quiet" onClick={onDone}>
            {t('casesModule.forms.cancel')}
          </button>
        ) : null}
      </div>
      <ErrorLine error={error} />
    </form>
  );
}

/** Adds a typed, dated, weighted link between two entities of the case. */
export function LinkForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const { t } = useTranslation();
  const entities = view.entities.filter((e) => !e.mergedInto);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState<string>('called');
  const [at, setAt] = useState('');
  const [until, setUntil] = useState('');
  const [weight, setWeight] = useState('1');
  const [currency, setCurrency] = useState('');
  const [source, setSource] = useState('B');
  const [accuracy, setAccuracy] = useState('2');
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await addItems(view.id, 'links', [
      {
        from,
        to,
        type,
        at: at.trim() || null,
        until: until.trim() || null,
        weight: Number(weight),
        currency: currency.trim().toUpperCase() || null,
        evaluation: { source, accuracy },
      },
    ]);
    if (!r.ok) return setError(failureText(r));
    setAt('');
    setUntil('');
    setWeight('1');
    onDone();
  }
  return (
    <form
      onSubmit={onSubmit}
      className="panel"
      data-testid="case-link-form"
      aria-labelledby="case-link-heading"
    >
      <h3 id="case-link-heading">{t('casesModule.forms.addLink')}</h3>
      <div className="field">
        <label htmlFor="case-link-from">{t('casesModule.path.from')}</label>
        <select id="case-link-from" value={from} onChange={(e) => setFrom(e.target.value)} required>
          <option value="" />
          {entities.map((x) => (
            <option key={x.id} value={x.id}>
              {String(x.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-link-type">{t('casesModule.forms.linkType')}</label>
        <select id="case-link-type" value={type} onChange={(e) => setType(e.target.value)}>
          {LINK_TYPES.map((lt) => (
            <option key={lt} value={lt}>
              {t(`casesModule.linkTypes.${lt}` as 'casesModule.linkTypes.called')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-link-to">{t('casesModule.path.to')}</label>
        <select id="case-link-to" value={to} onChange={(e) => setTo(e.target.value)} required>
          <option value="" />
          {entities.map((x) => (
            <option key={x.id} value={x.id}>
              {String(x.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-link-at">{t('casesModule.forms.at')}</label>
        <input
          id="case-link-at"
          dir="ltr"
          placeholder="2025-01-10"
          value={at}
          onChange={(e) => setAt(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="case-link-until">{t('casesModule.forms.until')}</label>
        <input id="case-link-until" dir="ltr" value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="case-link-weight">{t('casesModule.forms.weight')}</label>
        <input
          id="case-link-weight"
          type="number"
          min="0"
          step="any"
          dir="ltr"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="case-link-currency">{t('casesModule.forms.currency')}</label>
        <input
          id="case-link-currency"
          dir="ltr"
          maxLength={3}
          placeholder="EUR"
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
        />
      </div>
      <EvaluationFields
        prefix="case-link"
        source={source}
        accuracy={accuracy}
        onChange={(s, a) => {
          setSource(s);
          setAccuracy(a);
        }}
      />
      <button type="submit" className="button button-primary">
        {t('casesModule.forms.addLink')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
