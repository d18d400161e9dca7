/**
 * Icons of the link chart: one shape and glyph per network role (and per kind of entity
 * without a role), as SVG data URIs so cytoscape draws them without fetching anything.
 */

const ROLE_STYLE: Record<string, { color: string; glyph: string }> = {
  organiser: { color: '#8e1b1b', glyph: '♛' },
  recruiter: { color: '#b45309', glyph: '☏' },
  transporter: { color: '#1d4ed8', glyph: '⛟' },
  boat_pilot: { color: '#0e7490', glyph: '⚓' },
  facilitator: { color: '#7c3aed', glyph: '⇄' },
  financier: { color: '#047857', glyph: '$' },
  hawala_agent: { color: '#065f46', glyph: '⇆' },
  forger: { color: '#9d174d', glyph: '✎' },
  corrupt_official: { color: '#57534e', glyph: '⚖' },
  victim: { color: '#0369a1', glyph: '♥' },
  witness: { color: '#4d7c0f', glyph: '👁' },
  suspect: { color: '#991b1b', glyph: '?' },
  unknown: { color: '#6b7280', glyph: '·' },
};

const KIND_STYLE: Record<string, { color: string; glyph: string }> = {
  person: { color: '#374151', glyph: '●' },
  phone: { color: '#475569', glyph: '✆' },
  identity_document: { color: '#475569', glyph: '▤' },
  vessel: { color: '#0e7490', glyph: '⛵' },
  vehicle: { color: '#475569', glyph: '🚗' },
  organisation: { color: '#4338ca', glyph: '⌂' },
  location: { color: '#15803d', glyph: '⌖' },
  financial: { color: '#047857', glyph: '¤' },
  event: { color: '#a16207', glyph: '✦' },
};

/** Roles the legend lists. */
export const ICON_ROLES = Object.keys(ROLE_STYLE);

function svg(color: string, glyph: string): string {
  const body =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<circle cx="32" cy="32" r="30" fill="${color}"/>` +
    `<text x="32" y="43" font-size="30" text-anchor="middle" fill="#fff" font-family="sans-serif">${glyph}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(body)}`;
}

/** The icon of an entity: its role's when it has one, else its kind's. */
export function iconFor(kind: string, role: string | null): string {
  const s = (role && ROLE_STYLE[role]) || KIND_STYLE[kind] || ROLE_STYLE.unknown!;
  return svg(s.color, s.glyph);
}

/** The colour of a role (for the legend). */
export function roleColour(role: string): string {
  return (ROLE_STYLE[role] ?? ROLE_STYLE.unknown!).color;
}

/** The glyph of a role (for the legend). */
export function roleGlyph(role: string): string {
  return (ROLE_STYLE[role] ?? ROLE_STYLE.unknown!).glyph;
}
