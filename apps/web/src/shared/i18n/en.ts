import { ENGLISH_FIELD_WORDS } from '../components/fieldWords';
import { ENGLISH_CHECKS } from '../formFields';
import { STATUS_LABELS } from '../labels';
import { ENGLISH_REFERENCE_WORDS } from '../reference';
import type { ResidentWords } from './words';

/* The residents' pages in English (the default: `/report`, `/track/:reference` with no `lang`). */

const SERVICE = 'Issues of concern';
const TRACK = `Track an issue · ${SERVICE}`;

export const en: ResidentWords = {
  language: 'en',
  dateLocale: 'en-GB',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  switchTo: { language: 'cy', name: 'Cymraeg', navLabel: 'Language' },
  frame: {
    skip: 'Skip to main content',
    service: SERVICE,
    tagline: 'Tell your council’s area board about a local problem, and follow what is done',
  },
  field: ENGLISH_FIELD_WORDS,
  checks: ENGLISH_CHECKS,
  statuses: STATUS_LABELS,
  categories: {
    highways: 'Highways',
    transport: 'Transport',
    parking: 'Parking',
    waste: 'Waste',
    environment: 'Environment',
    parks: 'Parks',
    planning: 'Planning',
    housing: 'Housing',
    'community-safety': 'Community safety',
    health: 'Health',
    education: 'Education',
    leisure: 'Leisure',
    other: 'Other',
  },

  report: {
    title: `Report an issue · ${SERVICE}`,
    sentTitle: (reference) => `Report sent: ${reference} · ${SERVICE}`,
    heading: 'Report an issue',
    lead: 'Tell the council about a problem in your area: a broken street light, fly-tipping, a dangerous road. Your report goes to the area board for the place, and you get a reference to follow what is done.',
    loading: 'Loading the form…',
    loadFailed: (problem) => `The form could not be loaded (${problem}). Check your connection and try again.`,
    tryAgain: 'Try again',
    trackHeading: 'Track an issue',
    trackLead: 'Reported something already? Follow what is being done with its reference.',
    fields: {
      title: { label: 'Title', hint: 'A few words, e.g. Broken street light on Hill Road' },
      description: { label: 'Description', hint: 'What is wrong, and since when. Please leave out other people’s names and details: this is seen by council staff.' },
      category: { label: 'Category' },
      areaId: { label: 'Area', hint: 'The area board for the place where the issue is.' },
      address: { label: 'Address', hint: 'A street and number, or a place nearby, e.g. outside 12 Castle Street, Trowbridge.' },
      name: { label: 'Name' },
      email: { label: 'Email' },
      phone: { label: 'Phone' },
      postalAddress: { label: 'Postal address', hint: 'Where the council can send you a letter about your issue, if you give no email.' },
    },
    descriptionTooLong: (room, has) => `Description must be at most ${room} characters when the address is added to it (it has ${has}): shorten one of them`,
    detailsHeading: 'Your details',
    detailsHint:
      'The council uses these only to tell you what happens and to ask you about the issue if it needs to. They are never shown publicly: the tracker shows the issue, not who reported it.',
    send: 'Send report',
    sending: 'Sending your report…',
    failedOffline: 'Your report could not be sent: this device could not reach the council’s server. Check your connection and send it again; what you typed is kept.',
    failedTooMany: 'Too many reports from this connection in the last minute. Please wait a minute and send it again.',
    failedAnswer: (status, message) => `Your report could not be sent (the server answered ${status}: ${message}). Please try again later; what you typed is kept.`,
    failedOther: (message) => `Your report could not be sent (${message}). Please try again later.`,
  },

  where: {
    heading: 'Where is it?',
    hint: 'Give an address or a place nearby. If you are there now, you can also share your current location.',
    finding: 'Finding your location…',
    added: 'Your location was added to the report.',
    removed: 'Your location was removed from the report.',
    yourLocation: 'Your location:',
    remove: 'Remove',
    removeHidden: ' your location',
    useMine: 'Use my current location',
    problems: {
      denied: 'Your location was not shared: this page was not allowed to use it. You can give an address instead, or say where it is in the description.',
      timeout: 'Finding your location took too long: try again. You can give an address instead, or say where it is in the description.',
      unavailable: 'Your location could not be found. You can give an address instead, or say where it is in the description.',
      unsupported: 'This browser cannot share your location. You can give an address instead, or say where it is in the description.',
    },
    point: {
      where: (lat, lng) => `latitude ${lat}, longitude ${lng}`,
      within: (where, within) => `${where} (to within about ${within})`,
      metres: (metres) => (metres === 1 ? '1 metre' : `${metres} metres`),
      kilometres: (kilometres) => `${kilometres} kilometres`,
    },
  },

  sent: {
    heading: (reference) => `Thank you. Your reference is ${reference}`,
    keep: 'Keep this reference: with it you can follow what the council does about your issue.',
    track: 'Track your issue',
    another: 'Report another issue',
  },

  trackForm: {
    field: { label: 'Reference', hint: 'It is in the confirmation you saw when you reported the issue, for example TROW-2026-00042.' },
    button: 'Track',
    problems: ENGLISH_REFERENCE_WORDS,
  },

  track: {
    service: TRACK,
    notFoundTitle: `Issue not found · ${TRACK}`,
    heading: 'Track an issue',
    lookingUp: (reference) => `Looking up ${reference}…`,
    notFound: (typed) => `We cannot find an issue with the reference ${typed}`,
    checkReference: 'Check the reference: it looks like TROW-2026-00042, and it is in the confirmation you saw when you reported the issue.',
    momentAgo: 'If you reported it a moment ago, it can take a few seconds to appear.',
    tryAgain: 'Try again',
    failed: (reference, problem) => `The issue ${reference} could not be read just now (${problem}). Check your connection and try again.`,
    another: 'Track another issue',
    footerNav: 'Residents’ pages',
    footerText: 'Something else to tell the council?',
    footerLink: 'Report an issue',
    reference: 'Reference',
    status: 'Status',
    category: 'Category',
    area: 'Area',
    logged: 'Logged',
    outcome: 'What was done',
    timeline: 'What has happened',
    note: 'Note: ',
  },

  answer: {
    confirmHeading: 'Is your issue resolved?',
    confirmText: 'The council has told you what was done about this issue. If you agree that it is resolved, please confirm it.',
    confirmButton: 'Confirm it is resolved',
    toDispute: 'Not resolved? Tell us what is still wrong',
    disputeHeading: 'Is something still wrong?',
    disputeText: 'If what the council did has not put things right, tell us what is still wrong. Your issue is then reopened and looked at again.',
    reason: { label: 'What is still wrong?', hint: 'Up to 2,000 characters.', missing: 'Say what is still wrong' },
    disputeButton: 'Tell us it is not resolved',
    toConfirm: 'Resolved after all? Confirm it instead',
    sending: 'Sending your answer…',
    confirmedHeading: 'Thank you for confirming',
    confirmedText: 'We have recorded that your issue is resolved.',
    disputedHeading: 'Thank you: we have reopened your issue',
    disputedText: 'The area board will look at it again, and we will tell you what happens.',
    refusedHeading: 'This link cannot be used',
    used: 'This link has already been used: your answer about this issue was recorded. Please contact us if something has changed since.',
    expired: 'This link has expired: links in our messages work for 60 days. Please contact us if you still need to tell us about this issue.',
    refused: 'This link has expired or has already been used. Please contact us if you still need to tell us about this issue.',
    notWaiting: 'This issue is not waiting for your answer any more: it has moved on since the message was sent. Please contact us if you still need to tell us about it.',
    failedOffline: 'Your answer could not be sent: this device could not reach the council’s server. Check your connection and send it again; what you typed is kept.',
    failedAnswer: (status, message) => `Your answer could not be sent (the server answered ${status}: ${message}). Please try again later; what you typed is kept.`,
  },
};
