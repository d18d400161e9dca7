// The rules of the neutrality check, in the spirit of Article 3 of the INTERPOL Constitution:
// "It is strictly forbidden for the Organization to undertake any intervention or activities of
// a political, military, religious or racial character." Pure data: the engine is in
// neutrality.ts, the reasoning behind each rule in docs/NEUTRALITY.md.
//
// Pattern syntax. A term is a space-separated sequence of words matched on consecutive content
// words (stop words removed, see neutrality-text.ts). A trailing `*` makes a word a prefix
// ("desert*" would match "deserted", so such stems are chosen with care). A final `!word` means
// the term does not count when that word follows ("ردة !فعل*": apostasy, not "reaction").
// Words are folded exactly like request text, so they may be written with accents, hamza or
// Urdu letters. Arabic stems are written without the article: proclitics are stripped from the
// text before matching.

import type { NeutralityLanguage } from './neutrality-text.js';

/** The four characters Article 3 forbids. */
export type NeutralityCategory = 'political' | 'military' | 'religious' | 'racial';

/** Words of a pattern in each language. */
export type LanguageTerms = Readonly<Partial<Record<NeutralityLanguage, readonly string[]>>>;

/** Two sets of terms that count together when they occur within `window` content words. */
export interface TermPair {
  readonly anchors: LanguageTerms;
  readonly companions: LanguageTerms;
  readonly window: number;
}

/** Something the text may say, found by direct terms or by pairs of nearby terms. */
export interface TextPattern {
  /** Stable id, cited in flags and translated by the UI. */
  readonly id: string;
  /** One sentence for the DPO: what the rule looks for and why. */
  readonly description: string;
  readonly terms: LanguageTerms;
  readonly pairs?: readonly TermPair[];
}

/** A rule that points to a character forbidden by Article 3. */
export interface NeutralityRule extends TextPattern {
  readonly category: NeutralityCategory;
  /**
   * Weight in the predominance test: 2 = an activity that is usually protected (a protest, a
   * newspaper article), 3 = an offence that is by nature political, military, religious or racial
   * (desertion, blasphemy, insulting the head of state), 6 = a stated motive ("because of his
   * political opinions"), which ordinary-crime cues do not outweigh.
   */
  readonly weight: 2 | 3 | 6;
  /**
   * The rule describes a status a person may have (draft evader, deserter, ethnicity, tribe,
   * minority faith, refugee). In a smuggling or trafficking request such words most often
   * describe the people moved, who are clients or victims, not the person sought, so these rules
   * count together for at most PERSON_STATUS_WEIGHT there.
   */
  readonly personStatus?: true;
}

/** Highest weight the person-status rules of one category carry together in a smuggling or trafficking request. */
export const PERSON_STATUS_WEIGHT = 2;

/** Crime families in which person-status rules usually describe the people moved. */
export const MIGRATION_CRIME_CUES: readonly string[] = ['smuggling', 'trafficking'];

/** A family of ordinary-law crime: its presence weighs against a flag (predominance test). */
export type CrimeCue = TextPattern;

/** Weight of each distinct crime family found in the text. */
export const CRIME_CUE_WEIGHT = 2;

const GOVERNMENT = {
  en: ['government', 'authorities', 'president', 'minister*', 'king', 'army', 'regime', 'state', 'monarchy'],
  fr: ['gouvernement', 'autorites', 'president', 'ministre*', 'roi', 'armee', 'regime', 'etat', 'monarchie'],
  ar: ['حكوم*', 'سلطات', 'رئيس', 'وزير', 'ملك', 'جيش', 'نظام', 'دول*', 'ملكي*'],
  ur: ['حکومت', 'حکام', 'صدر', 'وزیر*', 'فوج', 'ریاست', 'بادشاہ'],
} as const;

/** The rules, by category. */
export const NEUTRALITY_RULES: readonly NeutralityRule[] = [
  // ---- political -------------------------------------------------------------------------
  {
    id: 'political.opinion',
    category: 'political',
    weight: 6,
    description: 'The request names political opinions, reasons or character as its ground.',
    terms: {
      en: [
        'political opinion*',
        'political view*',
        'political belief*',
        'political reason*',
        'political ground*',
        'political motive*',
        'political offence*',
        'political offense*',
        'political character',
        'political nature',
        'politically motivated',
      ],
      fr: [
        'opinion* politique*',
        'conviction* politique*',
        'raison* politique*',
        'motif* politique*',
        'infraction* politique*',
        'delit* politique*',
        'caractere politique',
        'nature politique',
      ],
      ar: [
        'آراء* سياسي*',
        'رأي* سياسي*',
        'قناع* سياسي*',
        'طابع سياسي',
        'دوافع سياسي*',
        'أسباب سياسي*',
        'جريم* سياسي*',
        'لأسباب سياسي*',
      ],
      ur: [
        'سیاسی خیالات',
        'سیاسی نظریات',
        'سیاسی رائے',
        'سیاسی وجوہات',
        'سیاسی بنیاد*',
        'سیاسی پہلو',
        'سیاسی جرم',
        'سیاسی نوعیت',
      ],
    },
  },
  {
    id: 'political.opposition',
    category: 'political',
    weight: 3,
    description:
      'Membership of, or support for, an opposition party, a political party or movement, or dissent.',
    terms: {
      en: [
        'opposition part*',
        'opposition movement*',
        'opposition leader*',
        'opposition activist*',
        'opposition figure*',
        'political part*',
        'banned party',
        'dissolved party',
        'dissident*',
        'political opponent*',
        'opponent* regime',
        'political activit*',
        'political affiliation*',
      ],
      fr: [
        'parti* opposition',
        'mouvement* opposition',
        'opposant*',
        'parti* politique*',
        'parti dissous',
        'parti interdit',
        'dissident*',
        'activite* politique*',
        'appartenance politique',
        'militant* politique*',
      ],
      ar: [
        'حزب* معارض*',
        'معارضه',
        'معارضين',
        'معارض سياسي',
        'حزب* سياسي*',
        'حزب* محظور*',
        'حزب* منحل*',
        'نشاط* سياسي*',
        'انتماء* سياسي*',
      ],
      ur: [
        'اپوزیشن',
        'حزب اختلاف',
        'سیاسی جماعت*',
        'مخالف جماعت*',
        'سیاسی سرگرمی*',
        'سیاسی وابستگی',
        'سیاسی کارکن*',
      ],
    },
  },
  {
    id: 'political.protest',
    category: 'political',
    weight: 2,
    description: 'Taking part in a protest, demonstration, sit-in, march or strike.',
    terms: {
      en: [
        'protest*',
        'demonstration*',
        'demonstrator*',
        'sit in',
        'unlawful assembly',
        'unauthorised assembly',
        'unauthorized assembly',
        'slogan*',
        'rally against',
        'general strike',
        'strike action',
      ],
      fr: [
        'manifestation*',
        'manifestant*',
        'sit in',
        'attroupement*',
        'rassemblement* non autoris*',
        'slogan*',
        'protestation*',
        'greviste*',
        'greve* generale*',
      ],
      ar: [
        'مظاهره',
        'مظاهرات',
        'متظاهر*',
        'احتجاج*',
        'اعتصام*',
        'تجمهر',
        'شعارات',
        'مسيره احتجاجي*',
        'إضراب*',
      ],
      ur: [
        'احتجاج*',
        'مظاہرہ',
        'مظاہرے',
        'مظاہرین',
        'دھرنا',
        'دھرنے',
        'ریلی',
        'نعرے',
        'ہڑتال',
        'غیر قانونی اجتماع',
      ],
    },
  },
  {
    id: 'political.press',
    category: 'political',
    weight: 2,
    description: 'Journalism, blogging or published criticism of the authorities.',
    terms: {
      en: ['journalist*', 'blogger*', 'critical article*', 'articles criticising', 'articles criticizing'],
      fr: ['journaliste*', 'blogueu*', 'article* critique*'],
      ar: ['صحفي*', 'صحافي*', 'مدون', 'تدوينات', 'تدوينه', 'مقالات منتقد*'],
      ur: ['صحافی*', 'بلاگر*', 'کالم نگار*', 'تنقیدی مضامین'],
    },
    pairs: [
      {
        anchors: {
          en: ['critici*', 'criticis*', 'mocking', 'mocked'],
          fr: ['critiqu*', 'derision'],
          ar: ['ينتقد*', 'انتقاد*', 'منتقد*', 'تسخر', 'سخري*'],
          ur: ['تنقید*', 'مذاق'],
        },
        companions: GOVERNMENT,
        window: 6,
      },
    ],
  },
  {
    id: 'political.state-offence',
    category: 'political',
    weight: 3,
    description:
      'Offences against the head of state, the monarchy or the state as such (insult, false news, sedition, treason).',
    terms: {
      en: [
        'insult* king',
        'insult* head* state',
        'insult* president',
        'insult* monarch*',
        'lese majeste',
        'lese majesty',
        'undermin* state',
        'sedition*',
        'seditious',
        'false news',
        'fake news',
        'anti state',
        'treason',
        'separatis*',
        'sacred institution*',
      ],
      fr: [
        'offense* chef* etat',
        'offense* president',
        'outrage* roi',
        'atteinte* roi',
        'atteinte* surete* etat',
        'atteinte* institution*',
        'atteinte* integrite territoriale',
        'fausse* nouvelle*',
        'trahison',
        'sedition',
        'lese majeste',
        'separatis*',
      ],
      ar: [
        'إهان* ملك',
        'إهان* رئيس*',
        'مس أمن* دول*',
        'مس مقدسات',
        'مس* نظام ملكي',
        'وحد* ترابي*',
        'أخبار زائف*',
        'أخبار كاذب*',
        'خيان* عظمى',
        'انفصال*',
        'مس مؤسسات',
      ],
      ur: ['غداری', 'ریاست مخالف', 'ریاست نقصان', 'جھوٹی خبر*', 'ملک دشمن*', 'علیحدگی پسند*'],
    },
    pairs: [
      {
        anchors: { ur: ['توہین'] },
        companions: { ur: ['سربراہ مملکت', 'صدر', 'وزیر اعظم', 'ریاست', 'فوج', 'عدلیہ'] },
        window: 4,
      },
    ],
  },
  {
    id: 'political.activism',
    category: 'political',
    weight: 2,
    description: 'Activism and the defence of human rights.',
    terms: {
      en: [
        'activist*',
        'human rights defender*',
        'human rights activist*',
        'campaigner*',
        'trade union*',
        'union leader*',
        'student union*',
        'unionist*',
      ],
      fr: ['activiste*', 'defenseur* droits', 'militant* droits', 'syndica*'],
      ar: ['ناشط*', 'حقوقي*', 'مدافع* حقوق', 'مناضل*', 'نقابه', 'نقابي*', 'اتحاد طلابي', 'اتحاد* طلب*'],
      ur: ['انسانی حقوق کارکن*', 'سماجی کارکن*', 'طلبہ یونین', 'ٹریڈ یونین', 'مزدور یونین'],
    },
  },
  {
    id: 'political.asylum',
    category: 'political',
    weight: 2,
    personStatus: true,
    description:
      'The person has political asylum or refugee status (return could expose them to persecution).',
    terms: {
      en: ['political asylum', 'refugee status', 'granted asylum'],
      fr: ['asile politique', 'statut* refugie*', 'obtenu asile'],
      ar: ['لجوء سياسي', 'صفه لاجئ', 'حق* لجوء'],
      ur: ['سیاسی پناہ', 'پناہ گزین حیثیت'],
    },
  },
  // ---- military --------------------------------------------------------------------------
  {
    id: 'military.desertion',
    category: 'military',
    weight: 3,
    personStatus: true,
    description: 'Desertion or absence without leave: a purely military offence.',
    terms: {
      en: [
        'deserter*',
        'desertion*',
        'deserted',
        'deserting',
        'absent without leave',
        'awol',
        'abandon* post',
      ],
      fr: [
        'deserteur*',
        'desertion*',
        'deserte',
        'deserter',
        'absence irreguliere',
        'absence illegale',
        'abandon* poste',
      ],
      ar: [
        'فرار جندي*',
        'فرار* جيش',
        'فار* جيش',
        'هارب* جيش',
        'فرار خدم* عسكري*',
        'فر وحد*',
        'متغيب* بدون إذن',
        'تغيب* بدون إذن',
        'متغيب* وحد*',
      ],
      ur: ['بھگوڑا', 'بھگوڑے', 'فوج فرار', 'یونٹ فرار', 'بغیر چھٹی', 'بغیر اجازت غیر حاضر'],
    },
  },
  {
    id: 'military.service-refusal',
    category: 'military',
    weight: 3,
    personStatus: true,
    description: 'Refusing or evading military service, conscientious objection.',
    terms: {
      en: [
        'draft evad*',
        'draft dodg*',
        'conscientious objector*',
        'conscientious objection',
        'evad* conscription',
      ],
      fr: ['insoumis*', 'insoumission', 'objecteur* conscience', 'objection conscience'],
      ar: ['استنكاف* ضميري*', 'مستنكف* ضميري*', 'متخلف* تجنيد', 'تهرب* تجنيد', 'تهرب* خدم* عسكري*'],
      ur: ['ضمیر بنیاد*', 'فوجی بھرتی بچ*', 'فوجی بھرتی بھاگ*'],
    },
    pairs: [
      {
        anchors: {
          en: ['refus*', 'evad*', 'evasion', 'avoid*', 'dodg*', 'failed', 'fled', 'escap*'],
          fr: ['refus*', 'soustrai*', 'soustraction', 'fui', 'fuir', 'echapp*'],
          ar: ['رفض*', 'تهرب*', 'تخلف*', 'متخلف*', 'فرار', 'فروا', 'فر', 'هرب*', 'امتنع*'],
          ur: ['انکار', 'فرار', 'بھاگ*', 'بچنے', 'بچ'],
        },
        companions: {
          en: [
            'military service',
            'conscription',
            'call up',
            'called up',
            'draft',
            'national service',
            'bear arms',
          ],
          fr: [
            'service militaire',
            'conscription',
            'obligations militaires',
            'incorporation',
            'porter armes',
          ],
          ar: ['خدم* عسكري*', 'تجنيد*', 'جندي*', 'حمل سلاح'],
          ur: ['فوجی خدمت', 'فوجی بھرتی', 'لازمی فوجی', 'ہتھیار اٹھانے'],
        },
        window: 4,
      },
    ],
  },
  {
    id: 'military.service',
    category: 'military',
    weight: 2,
    personStatus: true,
    description: 'Compulsory military service or conscription is what the request is about.',
    terms: {
      en: ['compulsory military service', 'military service obligation*', 'conscript*'],
      fr: ['service militaire obligatoire', 'conscription', 'appel service militaire'],
      ar: ['خدم* عسكري* إجباري*', 'تجنيد إجباري', 'خدم* وطني*'],
      ur: ['لازمی فوجی خدمت', 'فوجی خدمت', 'لازمی فوجی بھرتی'],
    },
  },
  {
    id: 'military.orders',
    category: 'military',
    weight: 3,
    description: 'Disobeying orders, insubordination or mutiny.',
    terms: {
      en: ['disobey* order*', 'refus* obey*', 'insubordination', 'mutiny', 'mutineer*'],
      fr: ['refus* obeissance', 'desobeissance', 'insubordination', 'mutinerie*', 'mutin'],
      ar: ['عصيان* أوامر', 'عصيان عسكري', 'رفض* تنفيذ أوامر', 'تمرد عسكري'],
      ur: ['حکم عدولی'],
    },
    pairs: [
      { anchors: { ur: ['انکار'] }, companions: { ur: ['احکامات', 'حکم'] }, window: 3 },
      {
        // Refusing a deployment or leaving one's post or unit.
        anchors: {
          en: ['refus*', 'abandon*', 'left', 'fled'],
          fr: ['refus*', 'abandonn*', 'quitte'],
          ar: ['رفض*', 'ترك*', 'فر', 'غادر'],
          ur: ['انکار', 'چھوڑ*'],
        },
        companions: {
          en: ['deploy*', 'his unit', 'his post', 'his ship', 'commanding officer', 'barracks'],
          fr: ['embarquer', 'son unite', 'son poste', 'son navire', 'caserne'],
          ar: ['موقع*', 'وحدت*', 'سفينت*', 'إبحار', 'ثكن*'],
          ur: ['تعیناتی', 'چوکی', 'یونٹ', 'بیرک*'],
        },
        window: 4,
      },
    ],
  },
  {
    id: 'military.court',
    category: 'military',
    weight: 2,
    description: 'A military court or prosecutor, or the military code, is behind the request.',
    terms: {
      en: [
        'court martial',
        'military court*',
        'military tribunal*',
        'military prosecutor*',
        'military code',
        'naval court*',
        'military police',
      ],
      fr: [
        'tribunal* militaire*',
        'cour martiale',
        'justice militaire',
        'procureur militaire',
        'police militaire',
        'tribunal* maritime* militaire*',
      ],
      ar: ['محكم* عسكري*', 'قضاء عسكري', 'عدل* عسكري*', 'وكيل* ملك* عسكري*', 'نياب* عسكري*', 'شرط* عسكري*'],
      ur: ['کورٹ مارشل', 'فوجی عدالت*', 'فوجی قانون', 'فوجی استغاثہ', 'ملٹری پولیس', 'بحری عدالت'],
    },
  },
  // ---- religious -------------------------------------------------------------------------
  {
    id: 'religious.motive',
    category: 'religious',
    weight: 6,
    description: 'The request names religion or belief as its ground.',
    terms: {
      en: [
        'because religion',
        'because faith',
        'religious ground*',
        'religious reason*',
        'religious character',
        'religious nature',
        'religious motive*',
      ],
      fr: [
        'raison* religion',
        'raison* foi',
        'motif* religieu*',
        'raison* religieuse*',
        'caractere religieux',
        'nature religieuse',
      ],
      ar: ['بسبب دين*', 'بسبب معتقد*', 'طابع ديني', 'دوافع ديني*', 'أسباب ديني*'],
      ur: ['مذہب وجہ', 'مذہبی بنیاد*', 'مذہبی پہلو', 'مذہبی وجوہات', 'مذہبی نوعیت'],
    },
  },
  {
    id: 'religious.blasphemy',
    category: 'religious',
    weight: 3,
    description:
      'Blasphemy, insulting a religion or a prophet, desecration (e.g. Pakistan Penal Code s. 295-B/295-C).',
    terms: {
      en: [
        'blasphem*',
        '295 c',
        '295c',
        '295 b',
        'insult* prophet',
        'insult* islam',
        'insult* religion',
        'defam* religion',
        'desecrat*',
      ],
      fr: [
        'blasphem*',
        '295 c',
        '295c',
        'outrage* religion',
        'offense* prophete',
        'insult* islam',
        'insult* prophete',
        'profanation*',
      ],
      ar: [
        'تجديف',
        'ازدراء* أديان',
        'ازدراء* دين*',
        'إساء* نبي',
        'إساء* رسول',
        'إساء* دين*',
        'إساء* إسلام',
        'سب* ذات* إلهي*',
        'سب* دين',
        'تدنيس*',
        '295 c',
      ],
      ur: ['توہین رسالت', 'توہین مذہب', 'توہین قرآن', 'گستاخ*', '295 c', '295 سی', 'توہین آمیز'],
    },
  },
  {
    id: 'religious.apostasy',
    category: 'religious',
    weight: 3,
    description: 'Apostasy: leaving or renouncing a religion.',
    terms: {
      en: ['apostasy', 'apostate*', 'renounc* islam', 'left islam', 'renounc* faith'],
      fr: ['apostasie', 'apostat*', 'renie* islam', 'renonce* islam'],
      ar: ['رده !فعل*', 'مرتد*', 'ترك* إسلام', 'تركه إسلام'],
      ur: ['ارتداد', 'مرتد*', 'اسلام ترک', 'اسلام چھوڑ*'],
    },
  },
  {
    id: 'religious.conversion',
    category: 'religious',
    weight: 3,
    description: 'Conversion or change of religion.',
    terms: {
      en: ['change* religion', 'religious conversion'],
      fr: ['changement* religion', 'change* religion', 'conversion religieuse'],
      ar: ['تغيير* دين*', 'تنصر*', 'تنصير'],
      ur: ['عیسائیت قبول', 'مذہب تبدیل', 'تبدیلی مذہب', 'مذہب تبدیلی'],
    },
    pairs: [
      {
        anchors: {
          en: ['convert*'],
          fr: ['converti*', 'conversion'],
          ar: ['اعتنق*', 'اعتناق*'],
          ur: ['قبول'],
        },
        companions: {
          en: ['christian*', 'islam', 'judaism', 'religion', 'faith', 'ahmadi*'],
          fr: ['christianisme', 'islam', 'judaisme', 'religion', 'foi'],
          ar: ['مسيحي*', 'إسلام', 'يهودي*', 'دين*'],
          ur: ['عیسائیت', 'اسلام', 'مسیحیت', 'مذہب'],
        },
        window: 3,
      },
    ],
  },
  {
    id: 'religious.proselytism',
    category: 'religious',
    weight: 3,
    description:
      'Proselytism, missionary work or "shaking the faith of a Muslim" (Moroccan Penal Code art. 220).',
    terms: {
      en: [
        'proselyt*',
        'shake faith',
        'shaking faith',
        'missionar*',
        'evangelis*',
        'evangeliz*',
        'distribut* bible*',
      ],
      fr: ['proselyt*', 'ebranl* foi', 'missionnaire*', 'evangelis*', 'distribu* bible*'],
      ar: ['تبشير*', 'زعزع* عقيد*', 'نسخ* إنجيل'],
      ur: ['بائبل تقسیم', 'مذہب تبدیل کروانے', 'عیسائیت تبلیغ', 'تبلیغ الزام'],
    },
  },
  {
    id: 'religious.practice',
    category: 'religious',
    weight: 3,
    personStatus: true,
    description:
      'Religious practice or belief as such: breaking the fast in public, belonging to a minority faith (e.g. Ahmadi, Pakistan Penal Code s. 298-C).',
    terms: {
      en: [
        'breaking fast',
        'broke fast',
        'eating public ramadan',
        '298 c',
        '298c',
        'posing muslim',
        'religious belief*',
        'practis* religion',
        'practic* religion',
        'practis* faith',

        'religious ceremon*',
        'religious gathering*',
        'baptis*',
        'house church*',
      ],
      fr: [
        'rompre jeune',
        'rupture jeune',
        'romp* jeune',
        'dejeun* ramadan',
        '298 c',
        'pratique* religion',
        'croyance* religieuse*',

        'presenter comme musulman',
        'ceremonie* religieuse*',
        'ceremonie* chiite*',
        'baptis*',
        'eglise clandestine',
      ],
      ar: [
        'إفطار* علني*',
        'يفطر* علن*',
        'أفطر* علن*',
        'إفطار* رمضان',
        '298 c',
        'ممارس* شعائر',
        'معتقد* ديني*',

        'ممارس* طقوس',
        'طقوس* شيعي*',
        'كنيس* سري*',
      ],
      ur: [
        'روزہ توڑ*',
        'سرعام کھا*',
        '298 c',
        '298 سی',
        'مذہبی عقائد',
        'مسلمان ظاہر',
        'مذہبی مجالس',
        'بپتسمہ',
        'خفیہ چرچ',
      ],
    },
  },
  {
    id: 'religious.minority',
    category: 'religious',
    weight: 2,
    personStatus: true,
    description:
      "Belonging to a religious minority or denomination persecuted in some countries (Ahmadi, Shia, Baha'i).",
    terms: {
      en: ['ahmadi*', 'qadiani*', 'shia', 'shiite*', 'bahai*'],
      fr: ['ahmadi*', 'chiite*', 'bahai*'],
      ar: ['أحمدي*', 'قادياني*', 'شيعي*', 'شيعه', 'ديانه بهائيه', 'بهائيين'],
      ur: ['احمدی*', 'قادیانی*', 'شیعہ'],
    },
  },
  // ---- racial ----------------------------------------------------------------------------
  {
    id: 'racial.motive',
    category: 'racial',
    weight: 6,
    description: 'The request names race, ethnicity, tribe or caste as its ground.',
    terms: {
      en: [
        'because ethnic*',
        'because race',
        'because skin',
        'because tribe*',
        'because tribal',
        'because caste',
        'ethnic ground*',
        'racial ground*',
        'racial character',
        'racial nature',
      ],
      fr: [
        'raison* origine* ethnique*',
        'raison* appartenance* ethnique*',
        'raison* appartenance tribale',
        'raison* race',
        'raison* ethnie',
        'caractere racial',
        'motif* raciaux',
        'motif* ethnique*',
      ],
      ar: [
        'بسبب أصل* عرقي*',
        'بسبب انتماء* عرقي*',
        'بسبب انتماء* قبلي*',
        'بسبب عرق*',
        'طابع عرقي',
        'دوافع عرقي*',
      ],
      ur: [
        'نسل وجہ',
        'نسلی شناخت وجہ',
        'نسل بنیاد',
        'نسلی بنیاد*',
        'نسلی پہلو',
        'قبائلی وابستگی وجہ',
        'ذات وجہ',
      ],
    },
  },
  {
    id: 'racial.ethnicity',
    category: 'racial',
    weight: 3,
    personStatus: true,
    description: 'Ethnicity, race, skin colour or caste is used to select or describe the person sought.',
    terms: {
      en: [
        'ethnicity',
        'ethnic origin*',
        'ethnic group*',
        'ethnic minorit*',
        'ethnic background',
        'ethnic profil*',
        'race',
        'racial*',
        'skin colour',
        'skin color',
        'colour skin',
        'lower caste',
        'caste*',
      ],
      fr: ['ethnie*', 'ethnique*', 'race', 'races', 'racial*', 'raciaux', 'couleur* peau', 'caste', 'castes'],
      ar: [
        'عرق',
        'عرقي',
        'عرقيه',
        'عرقيين',
        'أعراق',
        'إثنيه',
        'لون* بشر*',
        'بشر* سوداء',
        'طبقه دنيا',
        'طوائف',
      ],
      ur: ['نسل*', 'ذات پات', 'نچلی ذات', 'اونچی ذات', 'رنگت', 'سیاہ فام', 'لسانی'],
    },
  },
  {
    id: 'racial.tribe',
    category: 'racial',
    weight: 2,
    personStatus: true,
    description: 'Tribal or clan affiliation of the person sought.',
    terms: {
      en: ['tribe*', 'tribal affiliation*', 'clan', 'clans'],
      fr: ['tribu', 'tribus', 'tribale*', 'tribaux', 'clan', 'clans'],
      ar: ['قبيله', 'قبائل', 'قبلي', 'قبليه'],
      ur: ['قبیلہ', 'قبیلے', 'قبائلی وابستگی'],
    },
  },
];

/** Ordinary-law crime families. Each one found weighs CRIME_CUE_WEIGHT against a flag. */
export const CRIME_CUES: readonly CrimeCue[] = [
  {
    id: 'violence',
    description: 'Violence against persons or property: attack, bombing, killing, arson, shooting.',
    terms: {
      en: [
        'attack*',
        'bomb*',
        'explosi*',
        'suicide',
        'kill*',
        'murder*',
        'homicide*',
        'shot',
        'shooting',
        'opened fire',
        'gunmen',
        'gunman',
        'stab*',
        'arson',
        'set fire',
        'molotov',
        'assault*',
        'massacre*',
        'behead*',
      ],
      fr: [
        'attentat*',
        'attaque*',
        'bombe*',
        'explosi*',
        'engin* explosi*',
        'tue',
        'tues',
        'tuant',
        'meurtre*',
        'assassin*',
        'homicide*',
        'fusillade*',
        'ouvert feu',
        'coups feu',
        'poignard*',
        'incendi*',
        'molotov',
        'massacre*',
        'morts',
        'kamikaze*',
        'hommes armes',
      ],
      ar: [
        'هجوم*',
        'هجم*',
        'تفجير*',
        'انفجار*',
        'متفجر*',
        'ناسف*',
        'قنبل*',
        'انتحاري*',
        'قتل*',
        'مقتل',
        'اغتيال*',
        'إطلاق* نار',
        'مسلحان',
        'مسلحون',
        'مسلحين',
        'حارق*',
        'إحراق*',
        'إضرام* نار',
        'طعن*',
        'ذبح*',
        'عنف',
      ],
      ur: [
        'حملہ*',
        'حملے',
        'حملوں',
        'دھماک*',
        'بم',
        'خودکش*',
        'قتل*',
        'ہلاک*',
        'فائرنگ',
        'آگ لگا*',
        'تشدد',
        'مسلح افراد',
      ],
    },
  },
  {
    id: 'terrorist-group',
    description:
      'A group on the UN Security Council lists (Al-Qaida, Daesh and their affiliates) or a terrorist cell or fighter.',
    terms: {
      en: [
        'daesh',
        'isis',
        'isil',
        'islamic state',
        'al qaida',
        'al qaeda',
        'qaeda',
        'qaida',
        'aqim',
        'aqap',
        'boko haram',
        'shabaab',
        'ttp',
        'tehrik taliban',
        'taliban',
        'lashkar*',
        'jaish*',
        'foreign terrorist fighter*',
        'terrorist cell*',
      ],
      fr: [
        'daech',
        'daesh',
        'etat islamique',
        'al qaida',
        'aqmi',
        'boko haram',
        'shebab',
        'taliban*',
        'combattant* terroriste*',
        'cellule* terroriste*',
      ],
      ar: [
        'داعش',
        'دوله إسلاميه',
        'تنظيم قاعده',
        'قاعده بلاد مغرب',
        'بوكو حرام',
        'شباب مجاهدين',
        'طالبان',
        'مقاتل* إرهابي*',
        'خلي* إرهابي*',
      ],
      ur: [
        'داعش',
        'القاعدہ',
        'تحریک طالبان',
        'ٹی ٹی پی',
        'طالبان',
        'لشکر طیبہ',
        'لشکر جھنگوی',
        'جیش محمد',
        'جیش العدل',
        'کالعدم تنظیم*',
        'دہشت گرد جنگجو',
        'دہشت گرد سیل',
      ],
    },
  },
  {
    id: 'smuggling',
    description: 'Smuggling of migrants or goods.',
    terms: {
      en: ['smuggl*'],
      fr: [
        'passeur*',
        'trafic* migrants',
        'aide* immigration*',
        'immigration clandestine',
        'immigration irreguliere',
        'filiere*',
        'contrebande*',
      ],
      ar: ['تهريب*', 'مهرب*', 'هجره سريه', 'هجره غير شرعيه', 'هجره غير نظاميه'],
      ur: ['اسمگل*', 'سمگل*'],
    },
    pairs: [
      {
        // A price per head ("3,000 euros each") is the hallmark of a paid crossing.
        anchors: {
          en: ['euro*', 'dollar*', 'rupee*', 'dirham*'],
          fr: ['euro*', 'dollar*', 'roupie*', 'dirham*'],
          ar: ['يورو', 'دولار*', 'درهم', 'دراهم'],
          ur: ['یورو', 'ڈالر', 'روپے', 'درہم'],
        },
        companions: {
          en: ['each', 'per person', 'per migrant', 'per passenger', 'per head'],
          fr: ['chacun', 'par personne', 'par migrant', 'par passager', 'piece'],
          ar: ['واحد', 'مهاجر', 'شخص', 'راكب'],
          ur: ['فی کس', 'ہر مسافر', 'فی مسافر'],
        },
        window: 3,
      },
    ],
  },
  {
    id: 'trafficking',
    description:
      'Trafficking in human beings: sexual exploitation, forced labour, forced begging, debt bondage.',
    terms: {
      en: [
        'traffick*',
        'forced labour',
        'forced labor',
        'debt bondage',
        'sexual exploitation',
        'forced beg*',
        'forced to beg',
      ],
      fr: [
        'traite etres humains',
        'traite personnes',
        'trafiquant*',
        'travail force',
        'exploitation sexuelle',
        'mendi*',
      ],
      ar: ['اتجار*', 'متاجرين', 'عمل قسري', 'عبوديه', 'استغلال جنسي', 'تسول'],
      ur: ['انسانی اسمگلنگ', 'انسانی تجارت', 'جبری مشقت', 'جنسی استحصال', 'قرض غلامی', 'بھیک'],
    },
  },
  {
    id: 'document-fraud',
    description: 'Forged, counterfeit, stolen or fraudulently obtained travel and identity documents.',
    terms: {
      en: ['forg*', 'counterfeit*'],
      fr: ['falsifi*', 'contrefa*'],
      ar: ['مزور*', 'مزيف*', 'تزوير*'],
      ur: ['جعلی', 'جعلساز*', 'جعل ساز*'],
    },
    pairs: [
      {
        anchors: {
          en: ['fake', 'false', 'fraudulent*', 'stolen', 'blank'],
          fr: ['faux', 'fausse', 'fausses', 'vole*', 'vierge*', 'frauduleu*', 'derobe*'],
          ar: ['مسروق*', 'فارغ*', 'سرق*'],
          ur: ['چوری*'],
        },
        companions: {
          en: ['passport*', 'visa*', 'permit*', 'document*', 'identity', 'card*'],
          fr: ['passeport*', 'visa*', 'titre*', 'document*', 'carte*', 'piece* identite'],
          ar: ['جواز*', 'جوازات', 'تأشير*', 'بطاق*', 'وثائق'],
          ur: ['پاسپورٹ*', 'ویز*', 'شناختی کارڈ'],
        },
        window: 3,
      },
    ],
  },
  {
    id: 'economic',
    description: 'Fraud, money laundering, extortion, corruption, ransom.',
    terms: {
      en: ['money laundering', 'launder*', 'fraud*', 'embezzl*', 'extort*', 'brib*', 'ransom'],
      fr: [
        'blanchi*',
        'escroquer*',
        'fraude*',
        'detournement*',
        'extorsion*',
        'extorque*',
        'racket*',
        'rancon',
      ],
      ar: ['غسل* أموال', 'تبييض* أموال', 'تبيض', 'احتيال*', 'ابتزاز*', 'تبتز', 'رشو*', 'فدي*'],
      ur: ['منی لانڈرنگ', 'دھوکہ دہی', 'فراڈ', 'بھتہ*', 'رشوت', 'تاوان'],
    },
  },
  {
    id: 'drugs',
    description: 'Drug trafficking.',
    terms: {
      en: ['cocaine', 'heroin', 'hashish', 'cannabis', 'drug*', 'narcotic*', 'methamphetamine'],
      fr: ['cocaine', 'heroine', 'haschich', 'hachich', 'cannabis', 'drogue*', 'stupefiant*'],
      ar: ['مخدر*', 'كوكايين', 'هيروين', 'حشيش', 'قنب*'],
      ur: ['منشیات', 'کوکین', 'ہیروئن', 'چرس', 'افیون'],
    },
  },
  {
    id: 'weapons',
    description: 'Trafficking in or supplying firearms, ammunition or explosives.',
    terms: {
      en: ['firearm*', 'weapon*', 'ammunition', 'rifle*', 'arms trafficking'],
      fr: ['arme* feu', 'trafic* armes', 'fourni* armes', 'fusil*', 'kalachnikov*', 'munition*'],
      ar: ['سلاح* ناري*', 'أسلحه', 'ذخير*', 'مسدس*', 'بنادق'],
      ur: ['اسلحہ'],
    },
  },
  {
    id: 'kidnapping',
    description: 'Kidnapping, abduction, hostage taking.',
    terms: {
      en: ['kidnap*', 'abduct*', 'hostage*'],
      fr: ['enlev*', 'sequestr*', 'otage*'],
      ar: ['اختطاف*', 'اختطف*', 'خاطف*', 'رهائن', 'رهين*'],
      ur: ['اغوا*', 'یرغمال*'],
    },
  },
  {
    id: 'theft',
    description: 'Theft, robbery, burglary.',
    terms: {
      en: ['robbery', 'robber*', 'theft', 'burglar*'],
      fr: ['cambriolage*', 'braquage*'],
      ar: ['سطو'],
      ur: ['ڈکیتی'],
    },
  },
  {
    id: 'sexual-violence',
    description: 'Rape and sexual assault.',
    terms: {
      en: ['rape*', 'raping', 'sexual assault*', 'sexual abuse'],
      fr: ['viol', 'viols', 'agression* sexuelle*'],
      ar: ['اغتصاب*', 'اعتداء* جنسي*'],
      ur: ['جنسی زیادتی', 'عصمت دری'],
    },
  },
];

/**
 * Adjectives naming each Article 3 character. A clause that names two or more of them and is
 * negated ("this request has no political, military, religious or racial character") is the
 * standard Article 3 statement of a requesting office, not a reason to flag.
 */
export const DISCLAIMER_ADJECTIVES: Readonly<Record<NeutralityCategory, LanguageTerms>> = {
  political: { en: ['political*'], fr: ['politique*'], ar: ['سياسي*'], ur: ['سیاسی'] },
  military: { en: ['military'], fr: ['militaire*'], ar: ['عسكري*'], ur: ['فوجی'] },
  religious: { en: ['religious'], fr: ['religieu*'], ar: ['ديني*'], ur: ['مذہبی'] },
  racial: { en: ['racial', 'ethnic'], fr: ['racia*', 'ethnique*'], ar: ['عرقي*'], ur: ['نسلی'] },
};

/** Negations that reach a few words ahead ("no political character", "n'a aucun caractère"). */
export const WIDE_NEGATIONS: readonly string[] = [
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'ne',
  'n',
  'pas',
  'aucun',
  'aucune',
  'ni',
  'jamais',
  'لا',
  'ليس',
  'ليست',
  'لم',
  'لن',
  'نہیں',
  'نہ',
];

/** Negations that bind to the next word only ("non-political", "غیر سیاسی", "sans caractère"). */
export const TIGHT_NEGATIONS: readonly string[] = [
  'non',
  'without',
  'sans',
  'غير',
  'بدون',
  'دون',
  'بلا',
  'بغیر',
];

/** Words that end the reach of a negation ("not a criminal but a journalist"). */
export const NEGATION_BREAKS: readonly string[] = ['but', 'mais', 'لكن', 'بل', 'لیکن', 'بلکہ', 'مگر'];
