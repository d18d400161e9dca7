/**
 * A synthetic identification exercise with known truth, for tests and the bench: missing
 * persons (ante-mortem) with names in Latin and Urdu script, and bodies (post-mortem) of some of
 * them described as a DVI team would describe them (estimated ranges, marks partly lost,
 * clothing partly kept, a document with a variant spelling on some). Every person is
 * synthetic: generated from a seed, marked `synthetic` wherever it is stored.
 */
import type { AnteMortemForm, PostMortemForm } from './schema.js';

/** Given and family names with their Urdu spelling and Latin variants. */
const GIVEN: ReadonlyArray<[string, string, string[]]> = [
  ['Muhammad', 'محمد', ['Mohammad', 'Muhammed']],
  ['Ahmed', 'احمد', ['Ahmad']],
  ['Ali', 'علی', ['Aly']],
  ['Asif', 'آصف', ['Aasif']],
  ['Bilal', 'بلال', ['Belal']],
  ['Imran', 'عمران', ['Imraan']],
  ['Kamran', 'کامران', ['Kamraan']],
  ['Usman', 'عثمان', ['Osman', 'Othman']],
  ['Zubair', 'زبیر', ['Zubayr']],
  ['Faisal', 'فیصل', ['Faysal']],
  ['Naveed', 'نوید', ['Navid']],
  ['Shahid', 'شاہد', ['Shaheed']],
  ['Waqas', 'وقاص', ['Waqqas']],
  ['Adnan', 'عدنان', ['Adnaan']],
  ['Hamza', 'حمزہ', ['Hamzah']],
  ['Irfan', 'عرفان', ['Erfan']],
  ['Javed', 'جاوید', ['Javaid']],
  ['Sajid', 'ساجد', ['Saajid']],
  ['Arshad', 'ارشد', ['Arshed']],
  ['Nadia', 'نادیہ', ['Nadiya']],
];
const FAMILY: ReadonlyArray<[string, string, string[]]> = [
  ['Khan', 'خان', ['Kan']],
  ['Hussain', 'حسین', ['Hussein', 'Husain']],
  ['Iqbal', 'اقبال', ['Ikbal']],
  ['Butt', 'بٹ', ['But']],
  ['Chaudhry', 'چودھری', ['Chaudhary', 'Choudhry']],
  ['Malik', 'ملک', ['Malick']],
  ['Raza', 'رضا', ['Reza']],
  ['Abbas', 'عباس', ['Abas']],
  ['Akhtar', 'اختر', ['Akhter']],
  ['Mirza', 'مرزا', ['Mirzah']],
  ['Qureshi', 'قریشی', ['Kureshi']],
  ['Anwar', 'انور', ['Anwer']],
  ['Aslam', 'اسلم', ['Aslaam']],
  ['Bashir', 'بشیر', ['Basheer']],
  ['Nawaz', 'نواز', ['Nawaaz']],
  ['Riaz', 'ریاض', ['Riyaz']],
  ['Saleem', 'سلیم', ['Salim']],
];
const MARK_KINDS = ['scar', 'tattoo', 'birthmark', 'mole', 'burn scar'];
const MARK_PLACES = [
  'left forearm',
  'right forearm',
  'left shoulder',
  'right hand',
  'upper back',
  'left knee',
  'right cheek',
  'chest',
  'neck',
  'right ankle',
];
const COLOURS = ['black', 'blue', 'red', 'green', 'grey', 'white', 'brown', 'orange'];
const GARMENTS = [
  'jacket',
  'tracksuit',
  'jeans',
  'shalwar kameez',
  'hoodie',
  'trainers',
  'sandals',
  'life vest',
];
const EFFECTS = ['silver ring', 'wristwatch', 'prayer beads', 'mobile phone', 'leather wallet', 'necklace'];

/** A seeded pseudo-random generator (mulberry32): the exercise is the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The exercise: `truth[i]` is the index in `anteMortem` of the person `postMortem[i]` is. */
export interface SyntheticExercise {
  incidentDate: string;
  anteMortem: Array<{ reference: string; form: AnteMortemForm }>;
  postMortem: Array<{ reference: string; form: PostMortemForm }>;
  truth: number[];
}

/** Options of {@link syntheticExercise}. */
export interface SyntheticExerciseOptions {
  seed: number;
  missing: number;
  bodies: number;
  incidentDate?: string;
}

/** Builds a synthetic exercise of `missing` ante-mortem records and `bodies` post-mortem ones. */
export function syntheticExercise(options: SyntheticExerciseOptions): SyntheticExercise {
  const rand = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const incidentDate = options.incidentDate ?? '2025-01-15';
  const year = Number(incidentDate.slice(0, 4));
  const anteMortem: SyntheticExercise['anteMortem'] = [];
  const people: Array<{ given: (typeof GIVEN)[number]; family: (typeof FAMILY)[number]; passport: string }> =
    [];
  for (let i = 0; i < options.missing; i++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const sex = given[0] === 'Nadia' ? 'female' : 'male';
    const birthYear = year - 17 - Math.floor(rand() * 28);
    const marks = Array.from(
      { length: 1 + Math.floor(rand() * 2) },
      () => `${pick(MARK_KINDS)} on ${pick(MARK_PLACES)}`,
    );
    const clothing = Array.from({ length: 2 }, () => `${pick(COLOURS)} ${pick(GARMENTS)}`);
    const passport = `SX${String(1_000_000 + Math.floor(rand() * 8_999_999))}`;
    people.push({ given, family, passport });
    anteMortem.push({
      reference: `AM-SYN-${String(i + 1).padStart(3, '0')}`,
      form: {
        names: [
          { full: `${given[0]} ${family[0]}`, script: 'Latn' },
          { full: `${given[1]} ${family[1]}`, script: 'Arab', lang: 'ur' },
        ],
        sex,
        dateOfBirth: `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15`,
        nationality: 'PK',
        heightCm: 155 + Math.floor(rand() * 30),
        marks,
        clothing,
        effects: rand() < 0.5 ? [pick(EFFECTS)] : [],
        documents: rand() < 0.5 ? [{ kind: 'passport', number: passport, issuingCountry: 'PK' }] : [],
        lastSeen: { place: 'Nouadhibou (synthetic)', date: `${year}-01-02` },
        collectedBy: 'Synthetic DVI interviewer',
        collectedFrom: 'Synthetic relative',
      },
    });
  }
  const order = anteMortem.map((_, i) => i).sort(() => rand() - 0.5);
  const truth = order.slice(0, options.bodies);
  const postMortem = truth.map((index, n) => {
    const am = anteMortem[index]!.form;
    const person = people[index]!;
    const age = year - Number(am.dateOfBirth!.slice(0, 4));
    const ageCentre = age + Math.round((rand() - 0.5) * 8);
    const heightCentre = am.heightCm! + Math.round((rand() - 0.5) * 6);
    const documents: PostMortemForm['documents'] = [];
    const r = rand();
    if (r < 0.35) {
      const variant = `${pick([person.given[0], ...person.given[2]])} ${pick([person.family[0], ...person.family[2]])}`;
      documents.push({ kind: 'identity card (wet, partly legible)', names: [variant] });
    } else if (r < 0.5) {
      documents.push({
        kind: 'passport',
        number: person.passport,
        names: [`${person.given[1]} ${person.family[1]}`],
      });
    }
    return {
      reference: `PM-SYN-${String(n + 1).padStart(3, '0')}`,
      form: {
        recoveryPlace: 'Coast near Dakhla (synthetic)',
        recoveredAt: `${year}-01-${String(16 + Math.floor(rand() * 10)).padStart(2, '0')}T10:00:00.000Z`,
        condition: pick(['complete', 'complete', 'decomposed'] as const),
        sex: rand() < 0.1 ? 'unknown' : am.sex,
        ageRange: { min: Math.max(0, ageCentre - 6), max: ageCentre + 6 },
        heightCm: { min: heightCentre - 4, max: heightCentre + 4 },
        marks: (am.marks ?? []).filter(() => rand() < 0.7).map((m) => m.replace(' on ', ', ')),
        clothing: (am.clothing ?? []).filter(() => rand() < 0.7),
        effects: (am.effects ?? []).filter(() => rand() < 0.6),
        documents,
        storage: `Synthetic mortuary, drawer ${n + 1}`,
      } satisfies PostMortemForm,
    };
  });
  return { incidentDate, anteMortem, postMortem, truth };
}
