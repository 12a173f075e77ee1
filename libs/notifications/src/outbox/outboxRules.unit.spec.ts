import { channelFor } from './issueForMessage';
import { mailDomainOf } from './mailer';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './outboxDispatcher';

describe('the outbox rules', () => {
  it('writes by email when there is one, else a letter to a postal address, else asks staff to call', () => {
    expect(channelFor({ name: 'A', email: 'a@example.org', postalAddress: '1 High St', language: 'en' })).toBe('email');
    expect(channelFor({ name: 'A', postalAddress: '1 High St', phone: '01225', language: 'cy' })).toBe('letter');
    expect(channelFor({ name: 'A', phone: '01225', language: 'en' })).toBe('phone');
    expect(channelFor({ name: 'A', language: 'en' })).toBe('phone');
  });

  it('backs off 1 s, 2 s, 4 s... never more than 30 s between tries', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(MAX_RETRY_DELAY_MS).toBe(30_000);
  });

  it("ends Message-IDs with MAIL_FROM's domain", () => {
    expect(mailDomainOf('Trowbridge Area Board <issues@trowbridge.example>')).toBe('trowbridge.example');
    expect(mailDomainOf('noreply@council.example')).toBe('council.example');
    expect(mailDomainOf('nobody')).toBe('localhost');
  });
});
