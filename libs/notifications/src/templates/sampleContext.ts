import type { MessageContext } from '../messageKinds';

/**
 * A context with every field filled: each template is tried against it when loaded (strictly, so a
 * misspelt field in a council's edit is refused at start-up), and the sample letter is made from it.
 */
export const SAMPLE_CONTEXT: MessageContext = {
  reference: 'CALN-2026-00042',
  title: 'Broken street light on Church Street',
  residentName: 'Gwen Ŵyn Jones',
  trackerUrl: 'https://issues.example.gov.uk/track/CALN-2026-00042?lang=en',
  occurredAt: '2026-11-03T09:30:00.000Z',
  occurredOn: '3 November 2026',
  meeting: { date: '2026-12-12', dateText: '12 December 2026', venue: 'Calne Town Hall', agendaUrl: 'https://issues.example.gov.uk/agendas/calne-2026-12-12' },
  serviceProvider: 'Highways and Street Lighting',
  message: 'Thank you for raising this. The light was dark for three weeks.',
  outcome: 'We replaced the lamp and the faulty cable on 20 November 2026.',
  confirmUrl: 'https://issues.example.gov.uk/track/CALN-2026-00042?action=confirm&token=sample.confirm.token',
  disputeUrl: 'https://issues.example.gov.uk/track/CALN-2026-00042?action=dispute&token=sample.dispute.token',
  reason: 'The resident says the light went out again.',
  councilName: 'Wiltshire Council',
};
