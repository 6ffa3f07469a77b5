// A real SMTP server on a free local port for tests: it records what it receives, and can be told
// to refuse every message (421, as a mail server that is down for maintenance answers) or to stop
// listening altogether (connection refused).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  raw: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:port — for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** While true every message is refused with 421 before it is accepted. */
  refuse: (on: boolean) => void;
  /** Stops listening (the port then refuses connections); `start` listens again on the same port. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
}

function subjectOf(raw: string): string {
  const header = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return header.match(/^Subject: (.*)$/im)?.[1] ?? '';
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let refusing = false;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom(_address, _session, callback) {
        if (!refusing) return callback();
        const err = new Error('Service not available, try again later') as Error & { responseCode: number };
        err.responseCode = 421;
        callback(err);
      },
      onData(stream, session, callback) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: subjectOf(raw), raw });
          callback();
        });
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const port = await listen(0);
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse: (on) => void (refusing = on),
    stop: close,
    start: async () => {
      server = make();
      await listen(port);
    },
    close,
  };
}
