// Round two (issue 10): the kinds of misses, false hits and hostile input found by an unseen
// test. Examples are of the same kind, never pairs of the held-out split.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareNames, MAX_NAME_WORDS, normalizeName, parseName, romanizeCyrillic } from './index.js';

const score = (a: string, b: string): number => compareNames(a, b).score;

describe('Arabic letter groups for foreign sounds', () => {
  it('reads تش as ch (Charles, Tschudi, Czech cz, č)', () => {
    assert.ok(score('تشارلز', 'Charles') > 0.75);
    assert.ok(score('تشيرني', 'Czerny') > score('تشيرني', 'Terni'));
    assert.ok(score('تشابيك', 'Čapek') > 0.7);
  });
  it('meets ي for a Latin j and و / أو for a Scandinavian aa', () => {
    assert.ok(score('Johan', 'يوهان') > 0.75);
    assert.ok(score('Jensen', 'ينسن') > 0.75);
    assert.ok(score('Haaland', 'هولاند') > 0.85);
  });
  it('reads تس as z or tz, and سك as sch', () => {
    assert.ok(score('موريتس', 'Moritz') > 0.75);
    assert.ok(score('سكوتن', 'Schouten') > 0.7);
  });
});

describe('Persian and Urdu compounds, letter correspondences', () => {
  it('meets a compound glued, split and respelt', () => {
    assert.ok(score('Gholamhossein', 'Gholam Hossein') > 0.9);
    assert.ok(score('Gholamhossein', 'Qolam Hosein') > 0.85);
    assert.ok(score('Mirzaabdollahi', 'Mirza Abdollahi') > 0.9);
  });
  it('never scores an unsplit compound against its split form 0', () => {
    for (const [a, b] of [
      ['Gholamreza', 'Qolam Reza'],
      ['Alireza', 'Ali Reza'],
      ['Mohammadreza', 'Mohammad Reza'],
      ['Aliakbar', 'Ali Akbar'],
    ] as const)
      assert.ok(score(a, b) > 0.8, `${a} / ${b}: ${score(a, b)}`);
  });
  it('q / gh / g / k and dh / th / z correspond', () => {
    assert.ok(score('Qandahari', 'Ghandahari') > 0.9);
    assert.ok(score('Qandahari', 'Kandahari') > 0.9);
    assert.ok(score('Dhahabi', 'Thahabi') > 0.85);
    assert.ok(score('Dhahabi', 'Zahabi') > 0.85);
  });
  it('reads Turkish c as j and ç as ch', () => {
    assert.ok(score('Cemal', 'Jamal') > 0.8);
    assert.ok(score('Çelebi', 'Chelebi') > 0.95);
  });
});

describe('short forms and honorifics', () => {
  it('takes the divine name alone for its abd-compound', () => {
    assert.ok(score('Rahman', 'Abdurrahman') > 0.7);
    assert.ok(score('Rahman', 'Abdurrahman') > score('Rahim', 'Abdurrahman'));
  });
  it('reads Mhd, Mohd and Md as Muhammad', () => {
    for (const short of ['Mhd', 'Mohd', 'Md'])
      assert.ok(score(`${short} Salem`, 'Muhammad Salem') > 0.95, short);
  });
  it('treats Maulawi, Mawlawi, Maulvi and Mullah as titles', () => {
    for (const title of ['Maulawi', 'Mawlawi', 'Maulvi', 'Mullah'])
      assert.ok(score(`${title} Abdul Kabir`, 'Abdul Kabir') > 0.95, title);
  });
  it('accepts swapped letters, vowel-less forms and French silent endings', () => {
    assert.ok(score('Rashid', 'Rahsid') > 0.8);
    assert.ok(score('Khld', 'Khalid') > 0.85);
    assert.ok(score('Arnaud', 'Arno') > 0.9);
    assert.ok(score('Thibault', 'Tibo') > 0.8);
    assert.ok(score('Bouchard', 'بوشار') > 0.85);
    assert.ok(score('Ayrault', 'أيرولت') > 0.85); // Arabic spelling the letters out still meets it
    assert.equal(parseName('Daud').tokens[0]!.spoken, undefined); // four letters: not French
  });
  it('parses "SURNAME, Given" like the natural order', () => {
    assert.equal(score('BIN SALEH, Omar', 'Omar BIN SALEH'), 1);
    const a = parseName('BIN SALEH, Omar').tokens;
    const b = parseName('Omar bin Saleh').tokens;
    assert.deepEqual(
      a.map((t) => [t.forms[0], t.role]),
      b.map((t) => [t.forms[0], t.role]),
    );
  });
});

describe('false hits that must fall', () => {
  it('an initial confirms a name, it does not make one', () => {
    assert.ok(score('Nabil K. Saleh', 'Khoury, Nabil') < 0.6);
    assert.ok(score('Nabil K. Saleh', 'Nabil Khoury Saleh') > 0.85);
  });
  it('a one-letter fragment of a hyphenated name is not an initial', () => {
    assert.ok(!parseName('Nur-E-Alam').tokens.some((t) => t.kind === 'initial'));
    assert.ok(score('Nur-E-Alam Khan', 'Nur Alam Khan') > 0.95);
    assert.ok(score('Nur-E-Alam', 'Nur Elahi') < score('Nur-E-Alam', 'Nur Alam'));
  });
  it('a Latin long vowel Arabic did not write is a conflict (سعد is not Saeed)', () => {
    assert.ok(score('سعد', 'Saeed') < 0.7);
    assert.ok(score('سعيد', 'Saeed') > 0.9);
    assert.ok(score('حمد', 'Hamid') < score('حامد', 'Hamid'));
  });
  it('a long vowel Arabic wrote, against a different Latin vowel, is a conflict', () => {
    assert.ok(score('جميل', 'Jamal') < 0.7);
    assert.ok(score('جميل', 'Jamil') > 0.9);
    assert.ok(score('سعيد', 'Saud') < 0.7);
  });
  it('long junk does not score high against a short name', () => {
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const letters = 'abdehiklmnorstu';
    let junk = '';
    while (junk.length < 10_000) {
      const n = 1 + Math.floor(rnd() * 6);
      for (let i = 0; i < n; i++) junk += letters[Math.floor(rnd() * letters.length)];
      junk += ' ';
    }
    assert.ok(score(junk, 'Ali Hassan') < 0.2);
    // Even when the junk contains the name itself.
    assert.ok(score(`Ali Hassan ${junk}`, 'Ali Hassan') < 0.2);
    assert.ok(compareNames(junk, 'Ali Hassan').warnings?.some((w) => w.includes(`first ${MAX_NAME_WORDS}`)));
  });
});

describe('hostile input', () => {
  for (const [what, ch] of [
    ['zero-width joiner', '\u200d'],
    ['zero-width space', '\u200b'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left mark', '\u200f'],
    ['byte-order mark', '\ufeff'],
    ['NUL', '\u0000'],
    ['soft hyphen', '\u00ad'],
  ] as const) {
    it(`strips a ${what} in the normaliser`, () => {
      assert.equal(normalizeName(`Al${ch}i Hassan`), 'ali hassan');
      assert.equal(normalizeName(`${ch}Ali Hassan${ch}`), 'ali hassan');
      assert.equal(score(`Al${ch}i Has${ch}san`, 'Ali Hassan'), 1);
    });
  }
  it('bounds the cost of huge names: 1,700 words a side in well under 50 ms', () => {
    const words = Array.from({ length: 1700 }, (_, i) => `name${i.toString(36)}x`).join(' ');
    const other = Array.from({ length: 1700 }, (_, i) => `nom${(i * 7).toString(36)}y`).join(' ');
    compareNames(words, other); // warm-up (first parse of the tables)
    const started = performance.now();
    const r = compareNames(words, other);
    const elapsed = performance.now() - started;
    assert.ok(parseName(words).tokens.length <= MAX_NAME_WORDS);
    assert.ok(r.score < 0.2);
    // A correctness bound, not a benchmark: the old engine took minutes here.
    assert.ok(elapsed < 50, `${elapsed} ms`);
  });
  it('cuts one enormous word instead of aligning it letter by letter', () => {
    const huge = 'a'.repeat(200_000);
    const other = 'b'.repeat(200_000);
    compareNames(huge, other); // warm-up
    const started = performance.now();
    const r = compareNames(huge, other);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 50, `${elapsed} ms`);
    assert.ok(parseName(huge).tokens[0]!.text.length <= 40);
    assert.ok(r.score < 0.5);
  });
  it('romanises Cyrillic (ICAO 9303) for Russian and Central Asian passports', () => {
    assert.equal(romanizeCyrillic('Юрий Щукин'), 'iurii shchukin');
    assert.ok(score('Владимир Путин', 'Vladimir Putin') > 0.95);
    assert.ok(score('Абдурахмон Хусейнов', 'Abdurakhmon Khuseinov') > 0.9);
    assert.ok(score('Мухаммад Қодиров', 'Muhammad Qodirov') > 0.85);
  });
  it('says so when a script has no Latin reading, never a silent 0', () => {
    const r = compareNames('अली हसन', 'Ali Hassan');
    assert.ok(r.warnings?.some((w) => w.includes('Devanagari')));
    assert.ok(compareNames('王伟', 'Wang Wei').warnings?.some((w) => w.includes('Han')));
    assert.equal(compareNames('Ali Hassan', 'علي حسن').warnings, undefined);
  });
});
