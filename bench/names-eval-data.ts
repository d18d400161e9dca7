// Builds the name-matching evaluation sets from the real data shipped in data/:
// UN Security Council Consolidated List (aliases, original-script names) and the
// google/transliteration Arabic→English pairs. See docs/NAMES.md for the method.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledDataDir, readDataFile } from '../src/platform/index.js';
import { CONFUSABLE_PAIRS, NAME_GROUPS } from './names-confusables.js';

/** A pair of names to compare. */
export type NamePair = readonly [string, string];

/** One evaluation task: positives (same name) and negatives (different names). */
export interface NameEvalTask {
  readonly id: 'latin-latin' | 'latin-variants' | 'arabic-latin-un' | 'arabic-latin-translit';
  readonly title: string;
  readonly positives: readonly NamePair[];
  readonly randomNegatives: readonly NamePair[];
  readonly hardNegatives: readonly NamePair[];
  /**
   * Named subsets of the positives (the same pair objects), scored against the same negatives:
   * a stricter notion of spelling variant, and people the project never tuned on.
   */
  readonly positiveSubsets?: Readonly<Record<string, ReadonlySet<NamePair>>>;
}

/** Subset of positives whose people appear only in the 2020 list (delisted by 2024). */
export const UN_2020_ONLY = 'UN 2020 list only (delisted by 2024)';
/** Subset of Latin positives where every word of the alias corresponds to a word of the name. */
export const EVERY_WORD_CORRESPONDS = 'every alias word corresponds to a word of the name';

/** Which half of the data: tune on 'train', report on 'eval'. */
export type DataSplit = 'train' | 'eval';

/** The data folder: the repository's `data/`, or PASSERELLE_NAMES_DATA / an explicit override (not
 * PASSERELLE_DATA_DIR, which names a node's data folder). */
export function resolveDataDir(override?: string): string {
  const dir = override ?? process.env.PASSERELLE_NAMES_DATA ?? bundledDataDir;
  if (!existsSync(join(dir, 'transliteration'))) {
    throw new Error(`name evaluation data not found in ${dir} (set PASSERELLE_NAMES_DATA)`);
  }
  return dir;
}

/** Reads `name` from the data folder, plain or gzip-compressed (`name.gz`). */
function readData(dataDir: string, name: string): string {
  const plain = join(dataDir, name);
  return readDataFile(existsSync(plain) ? plain : `${plain}.gz`).toString('utf8');
}

/** An individual of the UN list, as far as names go. */
export interface UnIndividual {
  readonly dataId: string;
  readonly name: string;
  readonly originalScript: string | undefined;
  readonly aliases: ReadonlyArray<{ readonly quality: string; readonly name: string }>;
}

function decodeXml(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function tag(block: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block);
  return m ? decodeXml(m[1]!) : undefined;
}

/** Parses the individuals of a CONSOLIDATED_LIST XML document (names only). */
export function parseUnIndividuals(xml: string): UnIndividual[] {
  const out: UnIndividual[] = [];
  for (const m of xml.matchAll(/<INDIVIDUAL>([\s\S]*?)<\/INDIVIDUAL>/g)) {
    const block = m[1]!;
    const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((t) => tag(block, t))
      .filter((p): p is string => p !== undefined && p.length > 0);
    const aliases = [...block.matchAll(/<INDIVIDUAL_ALIAS>([\s\S]*?)<\/INDIVIDUAL_ALIAS>/g)]
      .map((a) => ({ quality: tag(a[1]!, 'QUALITY') ?? '', name: tag(a[1]!, 'ALIAS_NAME') ?? '' }))
      .filter((a) => a.name.length > 0);
    out.push({
      dataId: tag(block, 'DATAID') ?? '',
      name: parts.join(' '),
      originalScript: tag(block, 'NAME_ORIGINAL_SCRIPT'),
      aliases,
    });
  }
  return out;
}

/** Deterministic PRNG (mulberry32): the sets are identical on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Train/eval split of a UN individual, by a hash of its DATAID. */
export function splitOf(id: string): DataSplit {
  return fnv1a(id) % 2 === 0 ? 'train' : 'eval';
}

// --- The spelling-variant filter. Deliberately independent of the engine under test: plain
// folding and letter bigrams, so the filter does not favour Passerelle's own rules.

const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'bint',
  'ould',
  'abd',
  'abdul',
  'abdel',
  'ul',
  'ud',
  'ur',
  'ad',
  'ar',
  'as',
  'ait',
]);
const KUNYA = new Set(['abu', 'abou', 'abo', 'umm', 'um', 'oum']);
const TITLES = new Set([
  'haji',
  'hajji',
  'sheikh',
  'shaikh',
  'mullah',
  'mulla',
  'maulvi',
  'maulavi',
  'mawlawi',
  'hafiz',
  'dr',
  'qari',
  'general',
  'professor',
  'doctor',
  'engineer',
  'sayed',
  'syed',
  'sayyid',
]);

const tokenCache = new Map<string, string[]>();

export function plainTokens(name: string): string[] {
  const cached = tokenCache.get(name);
  if (cached) return cached;
  const tokens = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0);
  tokenCache.set(name, tokens);
  return tokens;
}

function bigramDice(a: string, b: string): number {
  const grams = (s: string): string[] =>
    Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const pool = [...gb];
  let common = 0;
  for (const g of ga) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

export function corresponds(a: string, b: string): boolean {
  const dice = bigramDice(a, b);
  return (
    dice >= 0.4 ||
    (dice >= 0.2 &&
      a[0] === b[0] &&
      a[a.length - 1] === b[b.length - 1] &&
      Math.abs(a.length - b.length) <= 2)
  );
}

/** Why an alias is excluded from the spelling-variant positives (undefined: kept). */
export function variantExclusion(
  primary: string,
  alias: { quality: string; name: string },
): string | undefined {
  if (alias.quality !== 'Good') return 'low-quality alias (UN: nickname or nom de guerre)';
  const p = plainTokens(primary);
  const a = plainTokens(alias.name);
  if (p.join(' ') === a.join(' ')) return 'identical to the listed name';
  if (a.length > 0 && KUNYA.has(a[0]!) && !p.some((t) => KUNYA.has(t))) return 'kunya (Abu/Umm ...)';
  const content = a.filter((t) => !PARTICLES.has(t) && !TITLES.has(t) && t.length > 1);
  const primaryContent = p.filter((t) => !PARTICLES.has(t) && !TITLES.has(t) && t.length > 1);
  if (content.length < 2) return 'single word';
  const matched = content.filter((t) => primaryContent.some((q) => corresponds(t, q))).length;
  if (matched < 2 || matched < content.length / 2)
    return 'different name (fewer than half the words correspond)';
  return undefined;
}

/**
 * True when every content word of the alias corresponds to a word of the listed name: the
 * alias is the name respelt, perhaps with parts left out, and brings no name of its own
 * (Ahmed Jan Kuchi for Ahmed Jan Wazir Akhtar Mohammad brings "Kuchi"). Same engine-free test.
 */
export function everyWordCorresponds(primary: string, alias: string): boolean {
  const strip = (name: string): string[] =>
    plainTokens(name).filter((t) => !PARTICLES.has(t) && !TITLES.has(t) && !KUNYA.has(t) && t.length > 1);
  const p = strip(primary);
  return strip(alias).every((t) => p.some((q) => corresponds(t, q)));
}

function loadUnIndividuals(dataDir: string): { people: UnIndividual[]; delisted: Set<UnIndividual> } {
  // The 2024 list, plus individuals of the 2020 list that were since removed: more people.
  const recent = parseUnIndividuals(readData(dataDir, 'un-consolidated-2024-09-26.xml'));
  const seen = new Set(recent.map((i) => i.dataId));
  const older = parseUnIndividuals(readData(dataDir, 'un-consolidated-2020-11-24.xml'));
  const delisted = new Set(older.filter((i) => !seen.has(i.dataId)));
  return { people: [...recent, ...delisted], delisted };
}

const ARABIC = /[\u0600-\u06FF]/;

function sharesToken(a: string, b: string): boolean {
  const ta = new Set(plainTokens(a).filter((t) => t.length > 2 && !PARTICLES.has(t)));
  return plainTokens(b).some((t) => ta.has(t));
}

// One name's words all inside the other's (Saddam Hussein al-Tikriti / Rana Saddam Hussein
// al-Tikriti): a relative named after the other. An order-independent matcher that tolerates
// missing parts cannot separate these; they are excluded from the hard negatives and counted.
function nested(a: string, b: string): boolean {
  const ta = new Set(plainTokens(a));
  const tb = new Set(plainTokens(b));
  const [small, large] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  for (const t of small) if (!large.has(t)) return false;
  return true;
}

function sameTokenSet(a: string, b: string): boolean {
  return [...plainTokens(a)].sort().join(' ') === [...plainTokens(b)].sort().join(' ');
}

function sample<T>(items: readonly T[], n: number, rnd: () => number): T[] {
  if (items.length <= n) return [...items];
  const copy = [...items];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rnd() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function confusablePairs(split: DataSplit, crossScript: boolean): NamePair[] {
  const out: NamePair[] = [];
  for (const [x, y] of CONFUSABLE_PAIRS) {
    const gx = NAME_GROUPS[x]!;
    const gy = NAME_GROUPS[y]!;
    const candidates: NamePair[] = crossScript
      ? [...gy.latin.map((l) => [gx.arabic, l] as const), ...gx.latin.map((l) => [gy.arabic, l] as const)]
      : gx.latin.flatMap((a) => gy.latin.map((b) => [a, b] as const));
    for (const p of candidates) if (splitOf(`${p[0]}|${p[1]}`) === split) out.push(p);
  }
  return out;
}

/** Options of `buildNameEvalTasks`. */
export interface NameEvalOptions {
  readonly dataDir: string;
  readonly split: DataSplit;
  readonly seed?: number;
  /** Random negatives per task (before any sampling). */
  readonly randomNegatives?: number;
  /** Cap on positives per task (sampled deterministically), for quick runs. */
  readonly maxPositives?: number;
}

/** Counters explaining how the UN positives were filtered. */
export interface VariantFilterReport {
  readonly aliases: number;
  readonly kept: number;
  readonly excluded: Readonly<Record<string, number>>;
  /** Cross-person pairs left out of the hard negatives because one name nests in the other. */
  readonly nestedExcluded: number;
}

/** Builds the three evaluation tasks for one split. */
export function buildNameEvalTasks(options: NameEvalOptions): {
  tasks: NameEvalTask[];
  filter: VariantFilterReport;
} {
  const rnd = seededRandom(options.seed ?? 20240926);
  const nRandom = options.randomNegatives ?? 100_000;
  const un = loadUnIndividuals(options.dataDir);
  const people = un.people.filter((p) => p.name.length > 0 && splitOf(p.dataId) === options.split);
  const strictLatin = new Set<NamePair>();
  const delistedLatin = new Set<NamePair>();
  const delistedArabic = new Set<NamePair>();
  const excluded: Record<string, number> = {};
  let aliasCount = 0;
  const latinPositives: NamePair[] = [];
  const variantsOf = new Map<UnIndividual, string[]>();
  for (const p of people) {
    const variants = [p.name];
    for (const alias of p.aliases) {
      if (ARABIC.test(alias.name)) continue;
      aliasCount++;
      const why = variantExclusion(p.name, alias);
      if (why) excluded[why] = (excluded[why] ?? 0) + 1;
      else {
        const pair: NamePair = [p.name, alias.name];
        latinPositives.push(pair);
        if (everyWordCorresponds(p.name, alias.name)) strictLatin.add(pair);
        if (un.delisted.has(p)) delistedLatin.add(pair);
        variants.push(alias.name);
      }
    }
    variantsOf.set(p, variants);
  }
  const latinRandom: NamePair[] = [];
  const latinHard: NamePair[] = [];
  let nestedExcluded = 0;
  for (let k = 0; k < nRandom * 3 && latinRandom.length < nRandom; k++) {
    const x = people[Math.floor(rnd() * people.length)]!;
    const y = people[Math.floor(rnd() * people.length)]!;
    if (x === y) continue;
    const vx = variantsOf.get(x)!;
    const a = vx[Math.floor(rnd() * vx.length)]!;
    if (!sameTokenSet(a, y.name)) latinRandom.push([a, y.name]);
  }
  for (const x of people) {
    for (const y of people) {
      if (x === y) continue;
      for (const a of variantsOf.get(x)!) {
        if (!sharesToken(a, y.name) || sameTokenSet(a, y.name)) continue;
        if (nested(a, y.name)) nestedExcluded++;
        else latinHard.push([a, y.name]);
      }
    }
  }
  const withScript = people.filter((p) => p.originalScript !== undefined && ARABIC.test(p.originalScript));
  const arabicPositives: NamePair[] = withScript.map((p) => {
    const pair: NamePair = [p.originalScript!, p.name];
    if (un.delisted.has(p)) delistedArabic.add(pair);
    return pair;
  });
  const arabicRandom: NamePair[] = [];
  const arabicHard: NamePair[] = [];
  for (const x of withScript) {
    for (const y of people) {
      if (x === y || sameTokenSet(x.name, y.name)) continue;
      if (nested(x.name, y.name)) nestedExcluded++;
      else if (sharesToken(x.name, y.name)) arabicHard.push([x.originalScript!, y.name]);
      else arabicRandom.push([x.originalScript!, y.name]);
    }
  }
  const translit = buildTranslitTask(options, rnd, nRandom);
  const variants = buildVariantGroupTask(people, variantsOf, options.split, rnd, nRandom);
  const cap = (pairs: NamePair[]): NamePair[] =>
    options.maxPositives ? sample(pairs, options.maxPositives, rnd) : pairs;
  return {
    tasks: [
      {
        id: 'latin-latin',
        title: 'Latin ↔ Latin (UN aliases)',
        positives: cap(latinPositives),
        randomNegatives: sample(latinRandom, nRandom, rnd),
        hardNegatives: [...sample(latinHard, nRandom / 2, rnd), ...confusablePairs(options.split, false)],
        positiveSubsets: { [EVERY_WORD_CORRESPONDS]: strictLatin, [UN_2020_ONLY]: delistedLatin },
      },
      options.maxPositives
        ? { ...variants, positives: sample(variants.positives, options.maxPositives, rnd) }
        : variants,
      {
        id: 'arabic-latin-un',
        title: 'Arabic script ↔ Latin (UN original-script names)',
        positives: cap(arabicPositives),
        randomNegatives: sample(arabicRandom, nRandom, rnd),
        hardNegatives: [...sample(arabicHard, nRandom / 2, rnd), ...confusablePairs(options.split, true)],
        positiveSubsets: { [UN_2020_ONLY]: delistedArabic },
      },
      translit.task.positives.length > 0 && options.maxPositives
        ? { ...translit.task, positives: sample(translit.task.positives, options.maxPositives, rnd) }
        : translit.task,
    ],
    filter: { aliases: aliasCount, kept: latinPositives.length, excluded, nestedExcluded },
  };
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function buildTranslitTask(
  options: NameEvalOptions,
  rnd: () => number,
  nRandom: number,
): { task: NameEvalTask } {
  const file = `${options.dataDir}/transliteration/google-ar2en-${options.split}.tsv`;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((r): r is [string, string] => r.length === 2 && r[0]!.length > 0 && r[1]!.length > 0);
  const positives: NamePair[] = rows.map(([ar, en]) => [ar, en]);
  // Latin spellings of one Arabic string, and Arabic strings of one Latin spelling, are the
  // same name: never use them as negatives.
  const sameName = new Set(rows.map(([ar, en]) => `${ar}|${en.toLowerCase()}`));
  const random: NamePair[] = [];
  while (random.length < nRandom) {
    const x = rows[Math.floor(rnd() * rows.length)]!;
    const y = rows[Math.floor(rnd() * rows.length)]!;
    if (
      x[0] === y[0] ||
      x[1].toLowerCase() === y[1].toLowerCase() ||
      sameName.has(`${x[0]}|${y[1].toLowerCase()}`)
    )
      continue;
    random.push([x[0], y[1]]);
  }
  // Hard negatives: a Latin name within two edits of the true spelling, whose consonants differ
  // (so it is not a vowel variant: Azam/Azzam, Ennis/Anis are excluded) and whose Arabic
  // spelling differs by two or more letters: both scripts agree these are different names.
  const buckets = new Map<string, Array<[string, string]>>();
  for (const r of rows) {
    const l = r[1].toLowerCase();
    const k = `${l[0]}${l.length}`;
    buckets.set(k, [...(buckets.get(k) ?? []), r]);
  }
  const consonants = (s: string): string => s.replace(/[aeiouyhw'’-]/g, '').replace(/(.)\1+/g, '$1');
  const hard: NamePair[] = [];
  for (const x of sample(rows, 3000, rnd)) {
    const lx = x[1].toLowerCase();
    for (let len = lx.length - 2; len <= lx.length + 2; len++) {
      for (const y of buckets.get(`${lx[0]}${len}`) ?? []) {
        const ly = y[1].toLowerCase();
        if (ly === lx || sameName.has(`${x[0]}|${ly}`) || consonants(lx) === consonants(ly)) continue;
        if (levenshtein(lx, ly) === 2 && levenshtein(x[0], y[0]) >= 2) hard.push([x[0], y[1]]);
      }
    }
  }
  return {
    task: {
      id: 'arabic-latin-translit',
      title: 'Arabic script ↔ Latin (Wikipedia transliteration pairs)',
      positives,
      randomNegatives: random,
      hardNegatives: [...sample(hard, nRandom / 2, rnd), ...confusablePairs(options.split, true)],
    },
  };
}

// --- Latin variant groups: the spellings of one name word in a person's listed name and
// aliases (a listed word and its alias spellings), linked with the same engine-free test as the alias
// filter. Each person's word and its linked spellings form one group (no chaining across
// people, which joined different names). Positives: two different spellings of one group.
// Negatives: words of different people's groups that the engine-free test does not link
// (a pair it would link may be one name spelt twice: unlabelled, left out), plus the
// confusable one-word names (Jamal / Jamil), whose labels are certain.

const SUFFIX_WORDS = new Set(['din', 'uddin', 'eddine', 'eddin', 'ullah', 'allah', 'ulla', 'ollah']);

/** Word-level variant groups of the split's people; positives within, negatives across. */
function buildVariantGroupTask(
  people: readonly UnIndividual[],
  variantsOf: ReadonlyMap<UnIndividual, readonly string[]>,
  split: DataSplit,
  rnd: () => number,
  nRandom: number,
): NameEvalTask {
  const content = (name: string): string[] =>
    plainTokens(name).filter((t) => t.length > 2 && !PARTICLES.has(t) && !TITLES.has(t) && !KUNYA.has(t));
  const groups: string[][] = [];
  for (const p of people) {
    const [name, ...aliases] = variantsOf.get(p) ?? [];
    if (name === undefined) continue;
    const own = new Map<string, Set<string>>(content(name).map((w) => [w, new Set([w])]));
    for (const alias of aliases) {
      for (const w of content(alias)) {
        let best: string | undefined;
        let bestDice = 0;
        for (const q of own.keys()) {
          const d = bigramDice(w, q);
          if (corresponds(w, q) && d > bestDice) {
            best = q;
            bestDice = d;
          }
        }
        if (best !== undefined) own.get(best)!.add(w);
      }
    }
    for (const g of own.values()) groups.push([...g].sort());
  }
  const positives: NamePair[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const key = `${g[i]}|${g[j]}`;
        // Each positive pair must itself pass the test (a group may hold the halves of a
        // split compound: Nkoumtamadji / Koumta / Madji), and a lone suffix is not a name.
        if (seen.has(key) || !corresponds(g[i]!, g[j]!) || SUFFIX_WORDS.has(g[i]!) || SUFFIX_WORDS.has(g[j]!))
          continue;
        seen.add(key);
        positives.push([g[i]!, g[j]!]);
      }
  }
  const random: NamePair[] = [];
  for (let k = 0; k < nRandom * 5 && random.length < nRandom / 2; k++) {
    const gx = groups[Math.floor(rnd() * groups.length)]!;
    const gy = groups[Math.floor(rnd() * groups.length)]!;
    const x = gx[Math.floor(rnd() * gx.length)]!;
    const y = gy[Math.floor(rnd() * gy.length)]!;
    if (gx === gy || x === y || seen.has(x < y ? `${x}|${y}` : `${y}|${x}`) || corresponds(x, y)) continue;
    random.push([x, y]);
  }
  const confusable = confusablePairs(split, false).filter(
    ([a, b]) => plainTokens(a).length === 1 && plainTokens(b).length === 1,
  );
  return {
    id: 'latin-variants',
    title: 'Latin variant groups (spellings of one name word, UN names and aliases)',
    positives,
    randomNegatives: random,
    hardNegatives: confusable,
  };
}

/** A name-search query from real held-out data and the listed name it should find. */
export interface SearchQuery {
  readonly query: string;
  readonly target: string;
  readonly kind: 'latin alias' | 'arabic script';
}

/**
 * Real search queries for the name-search benchmark: the held-out (eval) half's Latin aliases
 * that are spelling variants (same filter as the evaluation) and original-script names, each
 * to find its person's listed name among the listed names of every UN individual.
 */
export function heldOutSearchSet(dataDir: string): { records: string[]; queries: SearchQuery[] } {
  const un = loadUnIndividuals(dataDir);
  const people = un.people.filter((p) => p.name.length > 0);
  const queries: SearchQuery[] = [];
  for (const p of people) {
    if (splitOf(p.dataId) !== 'eval') continue;
    for (const alias of p.aliases) {
      if (ARABIC.test(alias.name) || variantExclusion(p.name, alias) !== undefined) continue;
      queries.push({ query: alias.name, target: p.name, kind: 'latin alias' });
    }
    if (p.originalScript !== undefined && ARABIC.test(p.originalScript))
      queries.push({ query: p.originalScript, target: p.name, kind: 'arabic script' });
  }
  return { records: [...new Set(people.map((p) => p.name))], queries };
}
