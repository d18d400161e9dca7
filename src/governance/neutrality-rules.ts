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

import type { NeutralityRule } from './neutrality-patterns.js';
import { RACIAL_RULES, RELIGIOUS_RULES } from './neutrality-rules-belief.js';

const GOVERNMENT = {
  en: ['government', 'authorities', 'president', 'minister*', 'king', 'army', 'regime', 'state', 'monarchy'],
  fr: ['gouvernement', 'autorites', 'president', 'ministre*', 'roi', 'armee', 'regime', 'etat', 'monarchie'],
  ar: ['حكوم*', 'سلطات', 'رئيس', 'وزير', 'ملك', 'جيش', 'نظام', 'دول*', 'ملكي*'],
  ur: ['حکومت', 'حکام', 'صدر', 'وزیر*', 'فوج', 'ریاست', 'بادشاہ'],
} as const;

/** The rules, by category. */

const POLITICAL_RULES: readonly NeutralityRule[] = [
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
      'Membership of, or support for, an opposition party or movement or a banned party, or dissent.',
    terms: {
      en: [
        'opposition part*',
        'opposition movement*',
        'opposition leader*',
        'opposition activist*',
        'opposition figure*',
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
        'حزب* محظور*',
        'حزب* منحل*',
        'نشاط* سياسي*',
        'انتماء* سياسي*',
      ],
      ur: ['اپوزیشن', 'حزب اختلاف', 'مخالف جماعت*', 'سیاسی سرگرمی*', 'سیاسی وابستگی', 'سیاسی کارکن*'],
    },
  },
  {
    id: 'political.party',
    category: 'political',
    weight: 2,
    description: 'Membership of or office in a political party (any party; the opposition weighs more).',
    terms: {
      en: ['political part*', 'party official*', 'party member*'],
      fr: ['parti* politique*', 'responsable* parti*'],
      ar: ['حزب* سياسي*', 'قيادي* حزب*'],
      ur: ['سیاسی جماعت*', 'جماعت عہدیدار*'],
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
        'boycott*',
        'peaceful march*',
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
        'boycott*',
        'marche* pacifique*',
        'greve* generale*',
      ],
      ar: [
        'مظاهره',
        'مظاهرات',
        'متظاهر*',
        'احتجاج*',
        'اعتصام*',
        'تجمهر',
        'حمله مقاطعه',
        'مقاطعه شركات',
        'مسيرات سلميه',
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
        'بائیکاٹ',
        'پرامن مارچ',
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
];

const MILITARY_RULES: readonly NeutralityRule[] = [
  // ---- military --------------------------------------------------------------------------
  {
    id: 'military.desertion',
    category: 'military',
    weight: 3,
    personStatus: true,
    description: 'Desertion or absence without leave: a purely military offence.',
    terms: {
      en: ['deserter*', 'desertion*', 'absent without leave', 'awol', 'abandon* post'],
      fr: ['deserteur*', 'desertion*', 'absence irreguliere', 'absence illegale', 'abandon* poste'],
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
    pairs: [
      {
        // "deserted" alone is also a beach or a family; it needs a military word nearby.
        anchors: { en: ['deserted', 'deserting'], fr: ['deserte', 'deserter'] },
        companions: {
          en: [
            'army',
            'unit',
            'regiment',
            'post',
            'forces',
            'military',
            'ship',
            'navy',
            'barracks',
            'battalion',
          ],
          fr: ['armee', 'unite', 'regiment', 'poste', 'forces', 'navire', 'marine', 'caserne', 'bataillon'],
        },
        window: 4,
      },
    ],
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
    description:
      'A military court, prosecutor, police, academy or the defence ministry is behind the request.',
    terms: {
      en: [
        'court martial',
        'military court*',
        'military tribunal*',
        'military prosecutor*',
        'military code',
        'naval court*',
        'military police',
        'ministry of defence',
        'ministry of defense',
        'military academy',
      ],
      fr: [
        'tribunal* militaire*',
        'cour martiale',
        'justice militaire',
        'procureur militaire',
        'police militaire',
        'ministere* defense',
        'ministere* armees',
        'academie militaire',
        'tribunal* maritime* militaire*',
      ],
      ar: [
        'محكم* عسكري*',
        'قضاء عسكري',
        'عدل* عسكري*',
        'وكيل* ملك* عسكري*',
        'نياب* عسكري*',
        'شرط* عسكري*',
        'وزار* دفاع',
        'أكاديمي* عسكري*',
      ],
      ur: [
        'کورٹ مارشل',
        'فوجی عدالت*',
        'فوجی قانون',
        'فوجی استغاثہ',
        'ملٹری پولیس',
        'وزارت دفاع',
        'ملٹری اکیڈمی',
        'بحری عدالت',
      ],
    },
  },
];

/** The rules, by category. */
export const NEUTRALITY_RULES: readonly NeutralityRule[] = [
  ...POLITICAL_RULES,
  ...MILITARY_RULES,
  ...RELIGIOUS_RULES,
  ...RACIAL_RULES,
];
