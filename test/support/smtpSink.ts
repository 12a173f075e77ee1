import { type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One email as the sink received it, parsed. */
export interface ReceivedEmail {
  readonly messageId: string;
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string | undefined;
  readonly receivedAt: number;
}

/** How the sink answers a message: accept, refuse for now (4xx), refuse for good (5xx), or hold it a while first. */
export type SinkRule = (recipient: string, attempt: number) => { readonly code?: number; readonly delayMs?: number } | undefined;

/**
 * A real SMTP server in the test process (the `smtp-server` package), on a free port of
 * 127.0.0.1, without TLS: what the API's nodemailer talks to. Keeps every message accepted, and
 * counts every try per recipient, accepted or not.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  readonly tries = new Map<string, number>();
  rule: SinkRule = () => undefined;
  private server!: SMTPServer;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => void this.onData(stream, session, callback),
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((email) => email.to === address);
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void): Promise<void> {
    const raw = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
    // Asked once the whole message is in: the client now waits for the answer.
    const recipient = session.envelope.rcptTo[0]?.address ?? '';
    const attempt = (this.tries.get(recipient) ?? 0) + 1;
    this.tries.set(recipient, attempt);
    const answer = this.rule(recipient, attempt);
    if (answer?.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer?.code) {
      const error = Object.assign(new Error(answer.code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: answer.code });
      callback(error);
      return;
    }
    const parsed = await simpleParser(raw);
    this.received.push({
      messageId: parsed.messageId ?? '',
      to: recipient,
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      language: parsed.headers.get('content-language') as string | undefined,
      receivedAt: Date.now(),
    });
    callback();
  }
}
