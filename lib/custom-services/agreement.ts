// CUS-3, CUS-4: the agreement as the customer reads and approves it. One pure function writes it,
// so the text on the approval page, in the emails and in the frozen agreement row is the same.
import { createHash } from 'node:crypto';
import type { MessageValues } from '@/lib/i18n/message-ref';

export interface AgreementTerms {
  reference: string;
  companyName: string;
  requirements: string;
  specification: string;
  priceCents: number;
  /** YYYY-MM-DD */
  expectedDelivery: string;
}

export interface AgreementWriter {
  t: (key: string, values?: MessageValues) => string;
  money: (cents: number) => string;
  date: (d: Date) => string;
}

/** A calendar day (YYYY-MM-DD) as a Date that formats as that day in Bratislava. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** CUS-3: the intellectual-property clause in the reader's language. */
export function ipClause(w: Pick<AgreementWriter, 't'>): string {
  return w.t('customServices.agreement.ipClause');
}

/** The whole agreement text, section by section, in the writer's language. */
export function agreementText(w: AgreementWriter, terms: AgreementTerms): string {
  return [
    w.t('customServices.agreement.heading', { reference: terms.reference, company: terms.companyName }),
    `${w.t('customServices.agreement.requirements')}\n${terms.requirements.trim()}`,
    `${w.t('customServices.agreement.specification')}\n${terms.specification.trim()}`,
    w.t('customServices.agreement.price', { price: w.money(terms.priceCents) }),
    w.t('customServices.agreement.delivery', { date: w.date(dayAsDate(terms.expectedDelivery)) }),
    `${w.t('customServices.agreement.ipHeading')}\n${ipClause(w)}`,
  ].join('\n\n');
}

/** A fingerprint of the text a person saw, so approving a text that changed meanwhile is refused. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
