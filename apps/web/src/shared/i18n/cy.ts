import type { ResidentWords } from './words';

/*
 * The residents' pages in Welsh (`?lang=cy`), formal register. The Welsh Language Standards ask
 * that Welsh be treated no less favourably than English: every word of the pages is here, in
 * sentences written for Welsh (a field's name is never mutated by a rule: where a sentence would
 * mutate it, the sentence is written for that field, or the name stands apart before a colon).
 */

const SERVICE = 'Materion sy’n peri pryder';
const TRACK = `Olrhain mater · ${SERVICE}`;
const INSTEAD = 'Gallwch roi cyfeiriad yn lle hynny, neu ddweud ble mae yn y disgrifiad.';
const CONTACT_US = 'Cysylltwch â ni os oes angen i chi ddweud wrthym am y mater hwn o hyd.';
const KEPT = 'mae’r hyn a deipiwyd gennych wedi’i gadw.';

export const cy: ResidentWords = {
  language: 'cy',
  dateLocale: 'cy',
  // CLDR's, as Intl 'cy' writes them.
  months: ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'],
  switchTo: { language: 'en', name: 'English', navLabel: 'Iaith' },
  frame: {
    skip: 'Neidio i’r prif gynnwys',
    service: SERVICE,
    tagline: 'Rhowch wybod i fwrdd ardal eich cyngor am broblem leol, a dilynwch yr hyn a wneir',
  },
  field: {
    optional: (label) => `${label} (dewisol)`,
    errorPrefix: 'Gwall: ',
    choose: 'Dewiswch…',
    problemTitle: 'Mae problem wedi codi',
  },
  checks: {
    required: (field) => field.missing ?? `Mae angen llenwi’r maes ‘${field.label}’`,
    tooLong: (field, max, has) => `${field.label}: defnyddiwch ${max} nod neu lai (mae ${has} nod yma ar hyn o bryd)`,
    tooShort: (field, min) => `${field.label}: defnyddiwch o leiaf ${min} nod`,
    notEmail: (field) => `${field.label}: rhowch gyfeiriad e-bost dilys, fel enw@enghraifft.org`,
    notDate: (field) => `${field.label}: rhowch ddyddiad (BBBB-MM-DD)`,
    inFuture: (field) => `${field.label}: ni all hwn fod yn y dyfodol`,
    notDateTime: (field) => `${field.label}: rhowch ddyddiad ac amser`,
    noItems: (field) => `${field.label}: rhowch o leiaf un, un ar bob llinell neu wedi’u gwahanu gan atalnodau`,
    itemTooLong: (field, max) => `${field.label}: defnyddiwch ${max} nod neu lai ar gyfer pob un`,
    notAnOption: (field) => `${field.label}: dewiswch un o’r dewisiadau`,
  },
  statuses: {
    logged: 'Wedi’i gofnodi',
    referred: 'Wedi’i gyfeirio',
    boardReview: 'Adolygiad y bwrdd',
    roundtable: 'Trafodaeth bord gron',
    resolved: 'Wedi’i ddatrys',
    fedBack: 'Adborth wedi’i roi',
    withdrawn: 'Wedi’i dynnu’n ôl',
    awaitingResident: 'Yn aros am ateb y preswylydd',
  },
  categories: {
    highways: 'Priffyrdd',
    transport: 'Trafnidiaeth',
    parking: 'Parcio',
    waste: 'Gwastraff',
    environment: 'Yr amgylchedd',
    parks: 'Parciau',
    planning: 'Cynllunio',
    housing: 'Tai',
    'community-safety': 'Diogelwch cymunedol',
    health: 'Iechyd',
    education: 'Addysg',
    leisure: 'Hamdden',
    other: 'Arall',
  },

  report: {
    title: `Rhoi gwybod am fater · ${SERVICE}`,
    sentTitle: (reference) => `Adroddiad wedi’i anfon: ${reference} · ${SERVICE}`,
    heading: 'Rhoi gwybod am fater',
    lead: 'Rhowch wybod i’r cyngor am broblem yn eich ardal: golau stryd sydd wedi torri, tipio anghyfreithlon, ffordd beryglus. Bydd eich adroddiad yn mynd i fwrdd ardal y lle, a byddwch yn cael cyfeirnod i ddilyn yr hyn a wneir.',
    loading: 'Wrthi’n llwytho’r ffurflen…',
    loadFailed: (problem) => `Nid oedd modd llwytho’r ffurflen (${problem}). Gwiriwch eich cysylltiad a rhowch gynnig arall arni.`,
    tryAgain: 'Rhowch gynnig arall arni',
    trackHeading: 'Olrhain mater',
    trackLead: 'Wedi rhoi gwybod am rywbeth yn barod? Dilynwch yr hyn sy’n cael ei wneud drwy ddefnyddio ei gyfeirnod.',
    fields: {
      title: { label: 'Teitl', hint: 'Ychydig eiriau, e.e. Golau stryd wedi torri ar Heol y Bryn', missing: 'Rhowch deitl' },
      description: {
        label: 'Disgrifiad',
        hint: 'Beth sydd o’i le, ac ers pryd. Peidiwch â chynnwys enwau a manylion pobl eraill: bydd staff y cyngor yn gweld hyn.',
        missing: 'Rhowch ddisgrifiad',
      },
      category: { label: 'Categori', missing: 'Dewiswch gategori' },
      areaId: { label: 'Ardal', hint: 'Bwrdd ardal y man lle mae’r mater.', missing: 'Dewiswch ardal' },
      address: { label: 'Cyfeiriad', hint: 'Stryd a rhif, neu le gerllaw, e.e. y tu allan i 12 Stryd y Castell, Trowbridge.' },
      name: { label: 'Enw', missing: 'Rhowch eich enw' },
      email: { label: 'E-bost' },
      phone: { label: 'Rhif ffôn' },
      postalAddress: { label: 'Cyfeiriad post', hint: 'Lle gall y cyngor anfon llythyr atoch am eich mater, os na fyddwch yn rhoi cyfeiriad e-bost.' },
    },
    descriptionTooLong: (room, has) => `Disgrifiad: defnyddiwch ${room} nod neu lai pan fydd y cyfeiriad yn cael ei ychwanegu ato (mae ${has} nod ynddo ar hyn o bryd): byrhewch un ohonynt`,
    detailsHeading: 'Eich manylion',
    detailsHint:
      'Bydd y cyngor yn defnyddio’r manylion hyn dim ond i roi gwybod i chi beth sy’n digwydd ac i ofyn i chi am y mater os bydd angen. Ni fyddant byth yn cael eu dangos yn gyhoeddus: mae’r dudalen olrhain yn dangos y mater, nid pwy a roddodd wybod amdano.',
    send: 'Anfon yr adroddiad',
    sending: 'Wrthi’n anfon eich adroddiad…',
    failedOffline: `Nid oedd modd anfon eich adroddiad: ni allai’r ddyfais hon gysylltu â gweinydd y cyngor. Gwiriwch eich cysylltiad ac anfonwch yr adroddiad eto; ${KEPT}`,
    failedTooMany: 'Mae gormod o adroddiadau wedi dod o’r cysylltiad hwn yn ystod y funud ddiwethaf. Arhoswch am funud, ac yna anfonwch yr adroddiad eto.',
    failedAnswer: (status, message) => `Nid oedd modd anfon eich adroddiad (atebodd y gweinydd ${status}: ${message}). Rhowch gynnig arall arni yn nes ymlaen; ${KEPT}`,
    failedOther: (message) => `Nid oedd modd anfon eich adroddiad (${message}). Rhowch gynnig arall arni yn nes ymlaen.`,
  },

  where: {
    heading: 'Ble mae’r mater?',
    hint: 'Rhowch gyfeiriad neu le gerllaw. Os ydych chi yno nawr, gallwch hefyd rannu eich lleoliad presennol.',
    finding: 'Wrthi’n dod o hyd i’ch lleoliad…',
    added: 'Mae eich lleoliad wedi’i ychwanegu at yr adroddiad.',
    removed: 'Mae eich lleoliad wedi’i dynnu o’r adroddiad.',
    yourLocation: 'Eich lleoliad:',
    remove: 'Tynnu',
    removeHidden: ' eich lleoliad',
    useMine: 'Defnyddio fy lleoliad presennol',
    problems: {
      denied: `Ni chafodd eich lleoliad ei rannu: ni chafodd y dudalen hon ganiatâd i’w ddefnyddio. ${INSTEAD}`,
      timeout: `Cymerodd ormod o amser i ddod o hyd i’ch lleoliad: rhowch gynnig arall arni. ${INSTEAD}`,
      unavailable: `Nid oedd modd dod o hyd i’ch lleoliad. ${INSTEAD}`,
      unsupported: `Ni all y porwr hwn rannu eich lleoliad. ${INSTEAD}`,
    },
    point: {
      where: (lat, lng) => `lledred ${lat}, hydred ${lng}`,
      within: (where, within) => `${where} (o fewn tua ${within})`,
      metres: (metres) => `${metres} metr`,
      kilometres: (kilometres) => `${kilometres} cilometr`,
    },
  },

  sent: {
    heading: (reference) => `Diolch. Eich cyfeirnod yw ${reference}`,
    keep: 'Cadwch y cyfeirnod hwn: gallwch ei ddefnyddio i ddilyn yr hyn y mae’r cyngor yn ei wneud am eich mater.',
    track: 'Olrhain eich mater',
    another: 'Rhoi gwybod am fater arall',
  },

  trackForm: {
    field: { label: 'Cyfeirnod', hint: 'Mae i’w weld yn y cadarnhad a gawsoch pan roesoch wybod am y mater, er enghraifft TROW-2026-00042.' },
    button: 'Olrhain',
    problems: {
      empty: 'Rhowch y cyfeirnod, fel TROW-2026-00042',
      malformed: 'Mae cyfeirnod yn edrych fel TROW-2026-00042: llythrennau’r ardal, y flwyddyn a rhif, gyda chysylltnodau rhyngddynt',
    },
  },

  track: {
    service: TRACK,
    notFoundTitle: `Heb ddod o hyd i’r mater · ${TRACK}`,
    heading: 'Olrhain mater',
    lookingUp: (reference) => `Wrthi’n chwilio am ${reference}…`,
    notFound: (typed) => `Ni allwn ddod o hyd i fater â’r cyfeirnod ${typed}`,
    checkReference: 'Gwiriwch y cyfeirnod: mae’n edrych fel TROW-2026-00042, ac mae i’w weld yn y cadarnhad a gawsoch pan roesoch wybod am y mater.',
    momentAgo: 'Os rhoesoch wybod amdano eiliad yn ôl, gall gymryd ychydig eiliadau iddo ymddangos.',
    tryAgain: 'Rhowch gynnig arall arni',
    failed: (reference, problem) => `Nid oedd modd darllen y mater ${reference} ar hyn o bryd (${problem}). Gwiriwch eich cysylltiad a rhowch gynnig arall arni.`,
    another: 'Olrhain mater arall',
    footerNav: 'Tudalennau i drigolion',
    footerText: 'Rhywbeth arall i’w ddweud wrth y cyngor?',
    footerLink: 'Rhoi gwybod am fater',
    reference: 'Cyfeirnod',
    status: 'Statws',
    category: 'Categori',
    area: 'Ardal',
    logged: 'Dyddiad cofnodi',
    outcome: 'Beth a wnaed',
    timeline: 'Beth sydd wedi digwydd',
    note: 'Nodyn: ',
  },

  answer: {
    confirmHeading: 'A yw eich mater wedi’i ddatrys?',
    confirmText: 'Mae’r cyngor wedi rhoi gwybod i chi beth a wnaed am y mater hwn. Os ydych yn cytuno ei fod wedi’i ddatrys, cadarnhewch hynny.',
    confirmButton: 'Cadarnhau ei fod wedi’i ddatrys',
    toDispute: 'Heb ei ddatrys? Dywedwch wrthym beth sydd o’i le o hyd',
    disputeHeading: 'A oes rhywbeth o’i le o hyd?',
    disputeText: 'Os nad yw’r hyn a wnaeth y cyngor wedi unioni pethau, dywedwch wrthym beth sydd o’i le o hyd. Bydd eich mater wedyn yn cael ei ailagor a’i ystyried eto.',
    reason: { label: 'Beth sydd o’i le o hyd?', hint: 'Hyd at 2,000 nod.', missing: 'Dywedwch beth sydd o’i le o hyd' },
    disputeButton: 'Rhoi gwybod i ni nad yw wedi’i ddatrys',
    toConfirm: 'Wedi’i ddatrys wedi’r cyfan? Cadarnhewch hynny yma',
    sending: 'Wrthi’n anfon eich ateb…',
    confirmedHeading: 'Diolch am gadarnhau',
    confirmedText: 'Rydym wedi cofnodi bod eich mater wedi’i ddatrys.',
    disputedHeading: 'Diolch: rydym wedi ailagor eich mater',
    disputedText: 'Bydd y bwrdd ardal yn edrych arno eto, a byddwn yn rhoi gwybod i chi beth sy’n digwydd.',
    refusedHeading: 'Nid oes modd defnyddio’r ddolen hon',
    used: 'Mae’r ddolen hon wedi’i defnyddio’n barod: cafodd eich ateb am y mater hwn ei gofnodi. Cysylltwch â ni os oes rhywbeth wedi newid ers hynny.',
    expired: `Mae’r ddolen hon wedi dod i ben: mae’r dolenni yn ein negeseuon yn gweithio am 60 diwrnod. ${CONTACT_US}`,
    refused: `Mae’r ddolen hon wedi dod i ben neu wedi’i defnyddio’n barod. ${CONTACT_US}`,
    notWaiting:
      'Nid yw’r mater hwn yn aros am eich ateb mwyach: mae wedi symud ymlaen ers i’r neges gael ei hanfon. Cysylltwch â ni os oes angen i chi ddweud wrthym amdano o hyd.',
    failedOffline: `Nid oedd modd anfon eich ateb: ni allai’r ddyfais hon gysylltu â gweinydd y cyngor. Gwiriwch eich cysylltiad ac anfonwch eich ateb eto; ${KEPT}`,
    failedAnswer: (status, message) => `Nid oedd modd anfon eich ateb (atebodd y gweinydd ${status}: ${message}). Rhowch gynnig arall arni yn nes ymlaen; ${KEPT}`,
  },
};
