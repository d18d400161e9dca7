import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../ui/index.js';
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
      <SelectField
        id={`${prefix}-source`}
        label={t('casesModule.forms.source')}
        value={source}
        onChange={(v) => onChange(v, accuracy)}
        options={SOURCES.map((v) => ({ value: v, label: v }))}
      />
      <SelectField
        id={`${prefix}-accuracy`}
        label={t('casesModule.forms.accuracy')}
        value={accuracy}
        onChange={(v) => onChange(source, v)}
        options={ACCURACIES.map((v) => ({ value: v, label: v }))}
      />
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
      <SelectField
        id={`${id}-kind`}
        label={t('casesModule.entities.kind')}
        value={kind}
        onChange={setKind}
        options={ENTITY_KINDS.map((k) => ({
          value: k,
          label: t(`casesModule.kinds.${k}` as 'casesModule.kinds.person'),
        }))}
      />
      <TextField
        id={`${id}-label`}
        label={t('casesModule.entities.label')}
        dir="auto"
        value={label}
        onChange={setLabel}
        required
      />
      <TextAreaField
        id={`${id}-aliases`}
        label={t('casesModule.forms.aliases')}
        dir="auto"
        rows={2}
        value={aliases}
        onChange={setAliases}
      />
      <SelectField
        id={`${id}-role`}
        label={t('casesModule.entities.role')}
        value={role}
        onChange={setRole}
        empty={t('casesModule.forms.noRole')}
        options={NETWORK_ROLES.map((r) => ({
          value: r,
          label: t(`casesModule.roles.${r}` as 'casesModule.roles.organiser'),
        }))}
      />
      <TextAreaField
        id={`${id}-identifiers`}
        label={t('casesModule.forms.identifiers')}
        dir="ltr"
        rows={2}
        placeholder="phone:+212661000001"
        value={identifiers}
        onChange={setIdentifiers}
      />
      <TextField
        id={`${id}-nationality`}
        label={t('casesModule.forms.nationality')}
        dir="ltr"
        maxLength={2}
        value={nationality}
        onChange={setNationality}
      />
      <TextField
        id={`${id}-birth`}
        label={t('casesModule.forms.birthDate')}
        dir="ltr"
        placeholder="1990-05"
        value={birthDate}
        onChange={setBirthDate}
      />
      <EvaluationFields
        prefix={id}
        source={source}
        accuracy={accuracy}
        onChange={(s, a) => {
          setSource(s);
          setAccuracy(a);
        }}
      />
      <TextAreaField
        id={`${id}-notes`}
        label={t('casesModule.forms.notes')}
        dir="auto"
        rows={2}
        value={notes}
        onChange={setNotes}
      />
      {editing ? null : (
        <TextField
          id={`${id}-provenance`}
          label={t('casesModule.forms.provenanceNote')}
          dir="auto"
          value={note}
          onChange={setNote}
        />
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
  const entityOptions = view.entities
    .filter((e) => !e.mergedInto)
    .map((x) => ({ value: x.id, label: String(x.label) }));
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
      <SelectField
        id="case-link-from"
        label={t('casesModule.path.from')}
        value={from}
        onChange={setFrom}
        empty=""
        options={entityOptions}
        required
      />
      <SelectField
        id="case-link-type"
        label={t('casesModule.forms.linkType')}
        value={type}
        onChange={setType}
        options={LINK_TYPES.map((lt) => ({
          value: lt,
          label: t(`casesModule.linkTypes.${lt}` as 'casesModule.linkTypes.called'),
        }))}
      />
      <SelectField
        id="case-link-to"
        label={t('casesModule.path.to')}
        value={to}
        onChange={setTo}
        empty=""
        options={entityOptions}
        required
      />
      <TextField
        id="case-link-at"
        label={t('casesModule.forms.at')}
        dir="ltr"
        placeholder="2025-01-10"
        value={at}
        onChange={setAt}
      />
      <TextField
        id="case-link-until"
        label={t('casesModule.forms.until')}
        dir="ltr"
        value={until}
        onChange={setUntil}
      />
      <TextField
        id="case-link-weight"
        label={t('casesModule.forms.weight')}
        type="number"
        min="0"
        step="any"
        dir="ltr"
        value={weight}
        onChange={setWeight}
      />
      <TextField
        id="case-link-currency"
        label={t('casesModule.forms.currency')}
        dir="ltr"
        maxLength={3}
        placeholder="EUR"
        value={currency}
        onChange={setCurrency}
      />
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
