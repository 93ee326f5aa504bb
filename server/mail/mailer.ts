/**
 * Outgoing e-mail over SMTP (nodemailer), only when DXPULSE_SMTP_URL is set. One transport per
 * process; short timeouts so an unreachable server delays a job run by seconds, not minutes.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const transport = nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: config.mailFrom },
  );
  return {
    async send(message) {
      await transport.sendMail({ ...message, textEncoding: 'quoted-printable' });
    },
    close: () => transport.close(),
  };
}
