import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyzeNeutrality,
  CRIME_CUES,
  checkNeutrality,
  MAX_NEUTRALITY_FLAGS,
  NEUTRALITY_RULES,
  type NeutralityResult,
} from './neutrality.js';

const check = (body: string, subject = 'Request for information', purpose?: string): NeutralityResult =>
  checkNeutrality(purpose === undefined ? { subject, body } : { subject, body, purpose });

const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

describe('neutrality check: each category in each language', () => {
  // Sentences written for these tests (not taken from the evaluation set). All synthetic.
  const cases: Array<[string, 'fr' | 'en' | 'ar' | 'ur', string, string, string]> = [
    [
      'political',
      'en',
      'He is wanted for his membership of an opposition party.',
      'political.opposition',
      'opposition party',
    ],
    [
      'political',
      'fr',
      'Il est recherché pour ses opinions politiques publiées sur un blog.',
      'political.opinion',
      'opinions politiques',
    ],
    [
      'political',
      'ar',
      'المعني بالأمر عضو في حزب معارض ويقيم حاليا في الخارج.',
      'political.opposition',
      'حزب معارض',
    ],
    ['political', 'ur', 'یہ شخص اپنے سیاسی خیالات کی وجہ سے مطلوب ہے۔', 'political.opinion', 'سیاسی خیالات'],
    [
      'military',
      'en',
      'The subject is a deserter from the 3rd infantry regiment.',
      'military.desertion',
      'deserter',
    ],
    [
      'military',
      'fr',
      "L'intéressé est recherché pour désertion depuis 2024.",
      'military.desertion',
      'désertion',
    ],
    [
      'military',
      'ar',
      'المعني بالأمر مطلوب بتهمة الفرار من الجندية منذ سنة 2024.',
      'military.desertion',
      'الفرار من الجندية',
    ],
    ['military', 'ur', 'یہ سپاہی ایک بھگوڑا ہے اور سرحد پار کر گیا۔', 'military.desertion', 'بھگوڑا'],
    ['religious', 'en', 'She is accused of apostasy by her relatives.', 'religious.apostasy', 'apostasy'],
    [
      'religious',
      'fr',
      'Il est poursuivi pour blasphème après une publication.',
      'religious.blasphemy',
      'blasphème',
    ],
    [
      'religious',
      'ar',
      'المعني بالأمر متهم بازدراء الأديان بسبب منشور.',
      'religious.blasphemy',
      'بازدراء الأديان',
    ],
    ['religious', 'ur', 'اس پر توہین رسالت کا مقدمہ درج ہے۔', 'religious.blasphemy', 'توہین رسالت'],
    [
      'racial',
      'en',
      'Provide the list of the persons because of their ethnic origin.',
      'racial.motive',
      'because of their ethnic origin',
    ],
    [
      'racial',
      'fr',
      "Merci d'identifier ces personnes en raison de leur origine ethnique.",
      'racial.motive',
      'en raison de leur origine ethnique',
    ],
    ['racial', 'ar', 'نطلب قائمة الأشخاص بسبب أصلهم العرقي.', 'racial.motive', 'بسبب أصلهم العرقي'],
    ['racial', 'ur', 'ان افراد کی نشاندہی ان کی نسل کی بنیاد پر کریں۔', 'racial.motive', 'نسل کی بنیاد'],
  ];
  for (const [category, language, body, rule, words] of cases) {
    it(`${category} in ${language}: ${rule}`, () => {
      const result = check(body);
      assert.equal(result.flagged, true);
      const flag = result.flags.find((f) => f.rule === rule);
      assert.ok(flag, `expected ${rule} in ${JSON.stringify(result.flags)}`);
      assert.equal(flag.category, category);
      assert.equal(flag.language, language);
      assert.ok(flag.excerpt.includes(words), `excerpt "${flag.excerpt}" should quote "${words}"`);
    });
  }
});

describe('neutrality check: ordinary police requests are not flagged', () => {
  const ordinary: Array<[string, string?]> = [
    [
      'A Daesh recruiter (synthetic) contacted young men at a mosque and sent two of them to Syria. Please check his phone numbers.',
      'Counter-terrorism',
    ],
    ['The attack on the bus station killed nine people; the bomb maker fled abroad.', 'Terrorist attack'],
    [
      'Smugglers charged 4,000 euros per passenger for the crossing from Nador; the boat sank.',
      'Migrant smuggling',
    ],
    ['Victims of trafficking were forced to work in a textile workshop without pay.', 'Trafficking'],
    [
      'Please send the dental records of the missing migrants; the families ask for Muslim burial rites.',
      'Identification',
    ],
    ['Des passeurs ont organisé la traversée de 40 migrants contre 3 000 euros chacun.'],
    ['تفكيك شبكة لتهريب المهاجرين كانت تستعمل جوازات سفر مزورة.'],
    ['داعش کے لیے بھرتی کرنے والا ملزم مسجد میں نوجوانوں سے ملتا تھا؛ اس کے فون نمبر درکار ہیں۔'],
    ['This request has no political, military, religious or racial character. The suspect forged visas.'],
    ['La présente demande ne revêt aucun caractère politique, militaire, religieux ou racial.'],
    ['The migrants were dropped on a deserted beach near Nador.'],
    ['Les migrants ont été débarqués sur une plage déserte près de Nador.'],
    ['He deserted his wife and children in 2019 and owes child support.'],
    ['The victims belong to the Hazara ethnic minority and were killed in a bombing.'],
    ['Protesters were injured; we seek the driver who rammed the crowd.'],
    ['The political party headquarters was bombed by a Daesh cell; we request phone data of the bombers.'],
    ['ملزم ایک سیاسی جماعت کا عہدیدار ہے اور منی لانڈرنگ میں ملوث ہے۔'],
    ['Suspect in the murder of a journalist in Lahore.'],
    ['ليس لهذا الطلب أي طابع سياسي أو عسكري أو ديني أو عرقي.'],
    ['اس درخواست کا کوئی سیاسی، فوجی، مذہبی یا نسلی پہلو نہیں ہے۔'],
  ];
  for (const [body, purpose] of ordinary) {
    it(body.slice(0, 60), () => {
      const result = check(body, 'Request', purpose);
      assert.deepEqual(result, { flagged: false, flags: [] });
    });
  }
});

describe('neutrality check: predominance test', () => {
  it('a protest that ended in a killing is an ordinary crime', () => {
    const analysis = analyzeNeutrality({
      subject: 'Arrest warrant',
      body: 'During the protest the suspect set fire to a police car, killing an officer.',
    });
    assert.equal(analysis.flagged, false);
    assert.deepEqual(analysis.categories.political.rules, ['political.protest']);
    assert.ok(analysis.crimeCues.includes('violence'));
    assert.ok(analysis.categories.political.weight <= analysis.crimeWeight);
  });

  it('a journalist charged with "terrorism" for his articles stays flagged: labels are not crime cues', () => {
    const result = check('The journalist is charged with terrorism for articles criticising the government.');
    assert.equal(result.flagged, true);
    assert.ok(result.flags.some((f) => f.rule === 'political.press'));
  });

  it('a stated motive outweighs ordinary-crime cues', () => {
    const result = check('He is sought because of his political opinions and for a fraud committed in 2020.');
    assert.equal(result.flagged, true);
    assert.equal(result.flags[0]!.rule, 'political.opinion');
  });

  it('an opposition leader accused of laundering stays flagged; a party official is outweighed', () => {
    assert.equal(check('The opposition leader is accused of money laundering.').flagged, true);
    assert.equal(check('The party official is accused of money laundering.').flagged, false);
  });

  it('"deserted" needs a military word nearby', () => {
    assert.equal(check('He deserted from his regiment in May.').flagged, true);
    assert.equal(check('Il a déserté son unité en mai.').flagged, true);
  });

  it('a deserter who took part in a Daesh bombing is a terrorism request', () => {
    assert.equal(
      check('The deserter joined Daesh and took part in the bombing of the market.').flagged,
      false,
    );
  });

  it('in a smuggling request the status of the people moved does not flag it', () => {
    const body = 'The network smuggles young men who evaded conscription, for 3,000 euros each.';
    assert.equal(check(body).flagged, false);
    assert.equal(check('The man evaded conscription and left for Spain.').flagged, true);
  });

  it('in a victim identification request, ethnicity or faith describe the victim; a stated motive still flags', () => {
    const dvi =
      'Please send ante-mortem data for the missing persons: height, ethnic origin, Ahmadi faith, dental records.';
    assert.equal(check(dvi).flagged, false);
    assert.equal(check('Please send the list of these persons and their ethnic origin.').flagged, true);
    assert.equal(check(`${dvi} We need them because of their ethnic origin.`).flagged, true);
  });

  it('negation: "non-political" and "no political character" do not flag, a later sentence still does', () => {
    assert.equal(check('Une demande sans caractère politique.').flagged, false);
    const result = check(
      'This request has no political, military, religious or racial character. He is a deserter.',
    );
    assert.deepEqual(
      result.flags.map((f) => f.rule),
      ['military.desertion'],
    );
  });
});

describe('neutrality check: explanation', () => {
  it('quotes the original words, accents and hamza kept, with a little context', () => {
    const body = `${'Le contexte de cette affaire est long. '.repeat(5)}Il a été condamné pour désertion par le tribunal militaire de Rabat.`;
    const flag = check(body).flags.find((f) => f.rule === 'military.desertion')!;
    assert.match(flag.excerpt, /condamné pour désertion par le tribunal/);
    assert.ok(flag.excerpt.startsWith('…'));
    assert.ok(flag.excerpt.length <= 202);
  });

  it('each rule is reported once per language, in reading order, with the field it came from', () => {
    const result = checkNeutrality({
      subject: 'Deserter',
      body: 'He is a deserter. He deserted twice.',
      purpose: 'Return of a deserter',
    });
    assert.deepEqual(
      result.flags.map((f) => [f.rule, f.excerpt]),
      [['military.desertion', 'Deserter']],
    );
  });

  it('Arabic clitics do not hide a word: و + ال, ب + ال', () => {
    assert.ok(check('وهو متهم بالردة.').flags.some((f) => f.rule === 'religious.apostasy'));
    assert.ok(
      check('ينتمي إلى المعارضة والمعارضين في الخارج.').flags.some((f) => f.rule === 'political.opposition'),
    );
    assert.equal(check('كانت ردة فعله عنيفة.').flagged, false); // "reaction", not apostasy
  });

  it('a word spelt alike in two languages is attributed to the language of the request', () => {
    assert.equal(check("Il est membre d'un mouvement d'opposition en exil.").flags[0]!.language, 'fr');
    assert.equal(
      check('He is a dissident and a member of the opposition movement.').flags[0]!.language,
      'en',
    );
    assert.equal(
      check('یہ شخص اپوزیشن کا رکن ہے اور اپنے سیاسی خیالات کی وجہ سے مطلوب ہے۔').flags[0]!.language,
      'ur',
    );
  });

  it('every rule has terms in the four languages and a description; ids are unique', () => {
    const ids = new Set<string>();
    for (const rule of [...NEUTRALITY_RULES, ...CRIME_CUES]) {
      assert.ok(!ids.has(rule.id), rule.id);
      ids.add(rule.id);
      assert.ok(rule.description.length > 10, rule.id);
      for (const language of ['fr', 'en', 'ar', 'ur'] as const) {
        const direct = rule.terms[language]?.length ?? 0;
        const paired = (rule.pairs ?? []).some((p) => (p.anchors[language]?.length ?? 0) > 0);
        assert.ok(direct + (paired ? 1 : 0) > 0, `${rule.id} has no ${language} term`);
      }
    }
  });
});

describe('neutrality check: hostile input', () => {
  it('NUL, zero-width and bidi characters inside a word do not hide it and never reach the excerpt', () => {
    for (const word of [
      'dé\u0000ser\u200Bteur',
      'de\u00ADserteur',
      '\u202Edéserteur\u202C',
      'désert\u2066eur',
    ]) {
      const result = check(`L'intéressé est un ${word} recherché.`);
      assert.equal(result.flagged, true, JSON.stringify(word));
      assert.ok(!INVISIBLE.test(result.flags[0]!.excerpt), JSON.stringify(result.flags[0]!.excerpt));
    }
  });

  it('look-alike Cyrillic letters and full-width letters are folded', () => {
    assert.equal(check('He is a d\u0435s\u0435rt\u0435r.').flagged, true); // Cyrillic е
    assert.equal(check('He is a ｄｅｓｅｒｔｅｒ.').flagged, true);
  });

  it('Arabic presentation forms, harakat and tatweel are folded', () => {
    assert.equal(check('متهم بالــــرِّدَّة').flagged, true);
    assert.equal(check('\uFEAD\uFEA9\uFE93').flagged, true); // isolated presentation forms of ردة
  });

  it('mixed scripts in one request: each flag carries the language of its words', () => {
    const result = check(
      'He is a deserter. وهو متهم بالردة. اس پر توہین رسالت کا الزام ہے۔ Il a participé à une manifestation.',
    );
    const byRule = Object.fromEntries(result.flags.map((f) => [f.rule, f.language]));
    assert.equal(byRule['military.desertion'], 'en');
    assert.equal(byRule['religious.apostasy'], 'ar');
    assert.equal(byRule['religious.blasphemy'], 'ur');
    assert.equal(byRule['political.protest'], 'fr');
  });

  it('a huge request is read to the end and the flags stay bounded', { timeout: 60_000 }, () => {
    const filler = 'The smuggling network operates boats from the northern coast. '.repeat(16_000); // ~1 MiB
    const result = check(`${filler} He is also a deserter, a journalist and an apostate.`);
    // Smuggling (2) outweighs the deserter (a person status, capped at 2 there) and the journalist
    // (2), not the apostasy (3), which is found at the very end.
    assert.deepEqual(
      result.flags.map((f) => f.rule),
      ['religious.apostasy'],
    );
    assert.match(result.flags[0]!.excerpt, /an apostate\.$/);
  });

  it('repeated trigger words give at most one flag per rule and language', { timeout: 60_000 }, () => {
    const body = 'opposition party deserter blasphemy ethnicity protest journalist '.repeat(16_000);
    const result = check(body);
    assert.equal(result.flagged, true);
    assert.ok(result.flags.length <= MAX_NEUTRALITY_FLAGS);
    assert.equal(new Set(result.flags.map((f) => `${f.rule}|${f.language}`)).size, result.flags.length);
    for (const f of result.flags) assert.ok(f.excerpt.length <= 202);
  });

  it('one enormous word, lone surrogates and empty fields are handled', { timeout: 60_000 }, () => {
    assert.equal(check('a'.repeat(1_000_000)).flagged, false);
    assert.equal(check('\uD800deserter\uDFFF').flagged, true);
    assert.deepEqual(checkNeutrality({ subject: '', body: '' }), { flagged: false, flags: [] });
    assert.deepEqual(
      checkNeutrality({ subject: '', body: '', purpose: 'political opinions' }).flags[0]!.rule,
      'political.opinion',
    );
  });
});
