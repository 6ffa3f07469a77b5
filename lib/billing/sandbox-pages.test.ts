// The sandbox processor's hosted pages speak the visitor's language; English stays word for word.
import { describe, expect, test } from 'vitest';
import { badRequestPage, cardFormPage, paypalApprovalPage, referenceRefusedPage, tooManyRequestsPage } from './sandbox-pages';
import { validateCard } from './sandbox-processor';

const at = new Date('2026-11-26T09:00:00Z');
const bad = validateCard({ holderName: '', number: '4242 4242 4242 4241', expiry: '13/30', cvc: '12' }, at);
const errors = bad.ok ? {} : bad.errors;
const opts = { returnPath: '/account/billing/return', reference: 'ref' };

describe('hosted pages in the visitor language', () => {
  test('the English card form keeps its labels and messages', () => {
    const html = cardFormPage({ ...opts, errors });
    expect(html).toContain('<html lang="en">');
    for (const s of ['Cardholder name', 'Card number', 'Expiry date', '>CVC<', '>Save card<', 'Add a card for Accountdesk', '4 fields need your attention', 'Enter the name on the card.', 'This card number is not valid.', 'Enter the expiry date as MM/YY.', 'Enter the 3 or 4 digit security code.', 'Cancel and return to Accountdesk', 'Test cards: <code>4242 4242 4242 4242</code> succeeds'])
      expect(html).toContain(s);
  });

  test('the Dutch card form, its errors and its hint are in Dutch; <html lang="nl">', () => {
    const html = cardFormPage({ ...opts, errors, locale: 'nl' });
    expect(html).toContain('<html lang="nl">');
    for (const s of ['Naam kaarthouder', 'Kaartnummer', 'Vervaldatum', 'Kaart opslaan', 'Testmodus', '4 velden vragen uw aandacht', 'Vul de naam op de kaart in.', 'Dit kaartnummer is niet geldig.', 'Vul de vervaldatum in als MM/JJ.', 'Vul de beveiligingscode van 3 of 4 cijfers in.', 'Annuleren en terug naar Accountdesk', 'Testkaarten: <code>4242 4242 4242 4242</code> slaagt'])
      expect(html).toContain(s);
    expect(html).not.toMatch(/Card number|Save card|t:processor/);
  });

  test('the PayPal page and the refusal pages follow the language', () => {
    expect(paypalApprovalPage({ ...opts })).toContain('>Approve<');
    const nl = paypalApprovalPage({ ...opts, locale: 'nl', error: 't:processor.paypal.emailError' });
    expect(nl).toContain('>Goedkeuren<');
    expect(nl).toContain('Vul het e-mailadres van uw PayPal-account in.');
    expect(referenceRefusedPage('expired')).toContain('This payment page has expired');
    expect(referenceRefusedPage('expired', 'nl')).toContain('Deze betaalpagina is verlopen');
    expect(badRequestPage('nl')).toContain('Terug naar facturatie');
    expect(tooManyRequestsPage(61)).toContain('Please wait 2 minutes');
    expect(tooManyRequestsPage(30, 'nl')).toContain('Wacht 1 minuut');
  });
});
