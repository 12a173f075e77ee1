import { createTransport, type Transporter } from 'nodemailer';

/** One email, addressed and written; `messageId` is the notification's, the same on every resend. */
export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
  readonly language: string;
}

/** What became of a try: accepted by the server, to be tried again later (4xx, no answer), or refused for good (5xx). */
export type SendOutcome = { readonly kind: 'sent' } | { readonly kind: 'retry'; readonly error: string } | { readonly kind: 'refused'; readonly error: string };

export interface Mailer {
  send(email: OutgoingEmail): Promise<SendOutcome>;
  close(): void;
}

/**
 * Sends through the SMTP server of SMTP_URL with nodemailer. A 5xx reply is a permanent refusal
 * (the address does not exist, the message is refused); anything else that fails (a 4xx, a
 * refused connection, a timeout) is worth trying again.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // The URL's own settings (port, auth, `?tls.rejectUnauthorized=false`...) win over these timeouts.
    this.transport = createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  }

  async send(email: OutgoingEmail): Promise<SendOutcome> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: { 'Content-Language': email.language, 'Auto-Submitted': 'auto-generated' },
      });
      return { kind: 'sent' };
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      const message = error instanceof Error ? error.message : String(error);
      return typeof code === 'number' && code >= 500 && code < 600 ? { kind: 'refused', error: message } : { kind: 'retry', error: message };
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The domain of MAIL_FROM's address, for Message-IDs (`<notification-id@domain>`). */
export function mailDomainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match ? match[1] : 'localhost';
}
