// SPDX-License-Identifier: EUPL-1.2
// Outgoing mail is written to the outbox table inside the caller's transaction (so a rolled-back
// action sends nothing) and logged. A delivery worker for SMTP can read the same table later.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import { outboxMessages } from './schema.js';

export interface MailMessage {
  municipalityId: string;
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  send(tx: Pick<Db, 'insert'>, message: MailMessage): Promise<void>;
}

export function outboxMailer(log: Pick<FastifyBaseLogger, 'info'>): Mailer {
  return {
    async send(tx, message) {
      await tx.insert(outboxMessages).values(message);
      log.info({ mail: { to: message.to, subject: message.subject, body: message.body } }, 'mail queued in outbox');
    },
  };
}
