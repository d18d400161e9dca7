/** One required text field of the grounds for a search (purpose, legal basis). */
export interface GroundsField {
  /** The input's id (tests and labels use it). */
  id: string;
  /** The label, already translated (each page keeps its own catalogue key). */
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export interface PurposeFieldsProps {
  purpose: GroundsField;
  /** Shown only when given: hit/no-hit requires one, screening does not. */
  legalBasis?: GroundsField;
}

function Field({ id, label, value, onChange }: GroundsField) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        dir="auto"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        minLength={3}
      />
    </div>
  );
}

/**
 * The purpose (and, where the search needs one, the legal basis) of a search: required, at
 * least three characters, in any script; recorded with the search by the API.
 */
export function PurposeFields({ purpose, legalBasis }: PurposeFieldsProps) {
  return (
    <>
      <Field {...purpose} />
      {legalBasis ? <Field {...legalBasis} /> : null}
    </>
  );
}
