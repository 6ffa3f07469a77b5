// The terms of service, in Accountdesk's own words. Version 1 is seeded at first start with its
// English and Dutch text; staff publish later versions, in both languages, from /staff/terms
// (ACC-6). Bodies are Markdown, rendered on the server without raw HTML (components/terms).
import type { Locale } from '@/lib/i18n/config';

export const TERMS_V1 = {
  version: '2026-11',
  summary: 'First published version of the terms of service.',
  body: `## Who we are and what these terms cover
These terms are the agreement between you and the vendor of the helpdesk service, a company registered in the Slovak Republic (its full legal details are on every invoice). They cover the helpdesk and chat service, its API, this account portal and everything you or your users put into them. If you accept them for a company, you confirm that you may bind that company, and "you" means the company.

## Changes to these terms
We may publish a new version of these terms. A new version applies from the moment it is published. When you next sign in you will see a notice with a link to the new version, and using the service after publication counts as accepting it. If you do not agree, stop your account; nothing is charged after that.

## Your account and logins
- You must be at least 18 years old to open an account. We only keep your confirmation that you are, not your date of birth.
- Only people may sign up; automated signups are blocked.
- Each login belongs to one person. The account owner creates separate logins for admins and agents, up to the number of seats paid for; the owner is one of those seats.
- Sharing one login between several people is not allowed. We detect it automatically; when a login is shared, we may add a monthly charge of one extra seat at your plan's price for each shared login, and we will tell the owner by email.
- You are responsible for keeping passwords safe. Passwords must have at least 12 characters, and you can see and end every active session at any time.
- Our support staff open your account only to answer a support request, and always record why. You can read every such access in your account's audit log.

## Trial, payment and renewals
- Every plan starts with a free 14-day trial.
- If no card or PayPal account is added by the end of the trial, the account is suspended: you can still sign in to the billing page, and adding a payment method reactivates it.
- Adding a payment method charges the first billing period at once and ends the trial; the paid period starts at that moment.
- You choose monthly or yearly billing. Each period is charged in advance, at its start.
- Card details are handled by our payment processor and never reach our systems; we keep only the card brand, the last four digits and the expiry date. You can replace the card at any time.
- Every charge is confirmed by email with the amount, the invoice number and the card used.
- If a renewal charge fails we try again on days 1, 3 and 5. If the last attempt fails the account is suspended until a working payment method settles the debt.

## Plans, seats and prices
- Upgrades (a higher plan or more seats) apply immediately. On yearly billing the difference for the rest of the year is charged at once, in proportion to the time left; on monthly billing the next invoice simply uses the new price.
- Downgrades apply at the next renewal. Before you confirm one, we show you what you will lose, and you must first remove users above the new number of seats.
- We do not refund or credit partial months, downgrades or months you did not use.
- We announce price changes at least 30 days before they apply, by email to every affected owner. Renewals on or after the announced date use the new price.
- Accounts with an exceptionally high number of end users or tickets per agent may be offered an enterprise plan.
- The free plan has fair-use limits, which we may adjust at any time.

## Invoices, VAT and prepaid credit
- Invoices are numbered in one unbroken sequence per year and are never changed once issued. Corrections are made with a credit note and a new invoice.
- VAT: customers in Slovakia pay Slovak VAT. Businesses elsewhere in the EU with a valid VAT number pay no VAT under the reverse-charge rule. Other EU customers pay the VAT rate of their own country. Customers outside the EU pay no VAT.
- Keep your billing details and VAT number up to date in the billing page. A VAT number applies to invoices issued after you save it; VAT already invoiced is not refunded.
- Within 15 days after your latest invoice was issued you may ask for it to be reissued with updated billing details. You will receive a credit note and a new invoice with the same amounts and the same VAT treatment.
- Prepaid yearly credit agreed with us is used up at your monthly price. If you cancel while credit is left, we refund the unused part minus a cancellation fee (by default half of the unused part).

## Lifetime deals
- A lifetime deal code (for example from AppSumo) can be redeemed once, before the deal's deadline, and only one code per account.
- A deal account includes the owner plus one more user. Each further user is charged at the plan's regular price per seat for the days it existed, invoiced monthly afterwards; adding one requires complete billing details and a payment method. If these are missing on the billing date the account is blocked until they are provided.
- Attempts to redeem a code that was already used are logged, and we may suspend the accounts involved.

## Stopping, suspension and inactivity
- You can stop your account at any time under My account. It takes effect immediately: nothing more is charged, every user loses access, and the account's content and personal data are deleted. This cannot be undone. We keep invoices for the period the law requires.
- You can also ask our support team by email to cancel; we carry this out within one business day.
- We may suspend or terminate an account that breaks these terms. We try to contact you first and warn you by email, except in cases of fraud or illegal use.
- An account that does not pay (free, trial, suspended, or a lifetime deal without extra users) and shows no activity for 4 weeks receives a warning email; after 8 weeks without activity it is deleted with its data.

## Custom work
You can ask us for custom development. If we accept, we send an agreement with the requirements, specification, a fixed price in euro and an expected delivery date. It is concluded when you approve it in writing. What we build remains our intellectual property and we may reuse it for other customers. Delivered work is invoiced at the agreed price.

## Privacy
How we handle personal data, and how to use your rights, is explained on our privacy page. You can withdraw consent, request a copy of your data, or ask us to erase it at any time.

## Availability
We announce planned maintenance in advance on the status page and in the portal.`,
};

/**
 * The same version in Dutch, written for Dutch readers (not a sentence-by-sentence translation).
 * The English text stays the version people accept; this one is shown to readers of Dutch.
 */
export const TERMS_V1_NL = {
  version: TERMS_V1.version,
  summary: 'Eerste gepubliceerde versie van de servicevoorwaarden.',
  body: `## Wie wij zijn en waar deze voorwaarden over gaan
Deze voorwaarden vormen de overeenkomst tussen u en de leverancier van de helpdeskdienst, een bedrijf dat in de Slowaakse Republiek is ingeschreven (de volledige bedrijfsgegevens staan op elke factuur). Ze gelden voor de helpdesk- en chatdienst, de API, dit accountportaal en alles wat u of uw gebruikers daarin vastleggen. Aanvaardt u de voorwaarden namens een bedrijf, dan verklaart u dat u dat bedrijf mag vertegenwoordigen; met "u" is dan het bedrijf bedoeld.

## Wijzigingen in deze voorwaarden
We kunnen een nieuwe versie van deze voorwaarden publiceren. Een nieuwe versie geldt vanaf het moment van publicatie. De eerstvolgende keer dat u zich aanmeldt, ziet u een melding met een link naar de nieuwe versie; wie de dienst na publicatie blijft gebruiken, aanvaardt die versie. Gaat u er niet mee akkoord, zeg dan uw account op; daarna brengen we niets meer in rekening.

## Uw account en logins
- Om een account te openen moet u minimaal 18 jaar oud zijn. We bewaren alleen uw bevestiging daarvan, niet uw geboortedatum.
- Alleen mensen kunnen zich aanmelden; geautomatiseerde aanmeldingen worden tegengehouden.
- Elke login is van één persoon. De accounteigenaar maakt aparte logins aan voor beheerders en medewerkers, tot het aantal betaalde gebruikersplaatsen; de eigenaar telt zelf ook als één plaats.
- Een login mag niet door meerdere mensen worden gedeeld. We herkennen dat automatisch. Wordt een login gedeeld, dan kunnen we per gedeelde login maandelijks één extra gebruikersplaats tegen de prijs van uw abonnement in rekening brengen; de eigenaar krijgt daarover een e-mail.
- U bent zelf verantwoordelijk voor het veilig bewaren van wachtwoorden. Een wachtwoord heeft minimaal 12 tekens, en u kunt op elk moment al uw actieve sessies bekijken en beëindigen.
- Onze supportmedewerkers openen uw account alleen om een supportvraag te beantwoorden en leggen daarbij altijd vast waarom. Elke toegang van dat soort kunt u terugvinden in het auditlogboek van uw account.

## Proefperiode, betaling en verlenging
- Elk abonnement begint met een gratis proefperiode van 14 dagen.
- Heeft u aan het einde van de proefperiode geen betaalkaart of PayPal-account toegevoegd, dan wordt het account geblokkeerd. U kunt zich dan nog wel aanmelden op de factuurpagina, en zodra u een betaalmethode toevoegt, is het account weer actief.
- Wanneer u een betaalmethode toevoegt, brengen we de eerste factuurperiode direct in rekening en eindigt de proefperiode; de betaalde periode gaat op dat moment in.
- U kiest voor betaling per maand of per jaar. Elke periode wordt vooraf betaald, aan het begin ervan.
- Uw kaartgegevens worden verwerkt door onze betaaldienstverlener en komen nooit in onze systemen terecht. Wij bewaren alleen het kaartmerk, de laatste vier cijfers en de vervaldatum. U kunt de kaart op elk moment vervangen.
- Elke betaling bevestigen we per e-mail, met het bedrag, het factuurnummer en de gebruikte kaart.
- Mislukt een betaling bij verlenging, dan proberen we het opnieuw op dag 1, 3 en 5. Mislukt ook de laatste poging, dan wordt het account geblokkeerd totdat de openstaande schuld met een werkende betaalmethode is voldaan.

## Abonnementen, gebruikersplaatsen en prijzen
- Een upgrade (een hoger abonnement of meer gebruikersplaatsen) gaat direct in. Bij jaarlijkse betaling rekenen we het verschil voor de rest van het jaar meteen af, naar verhouding van de resterende tijd; bij maandelijkse betaling geldt de nieuwe prijs gewoon vanaf de volgende factuur.
- Een downgrade gaat in bij de volgende verlenging. Voordat u die bevestigt, laten we zien wat u kwijtraakt, en eerst moet u de gebruikers verwijderen die boven het nieuwe aantal plaatsen uitkomen.
- Voor gedeeltelijke maanden, downgrades of maanden die u niet heeft gebruikt, geven we geen terugbetaling of tegoed.
- Prijswijzigingen kondigen we minimaal 30 dagen van tevoren per e-mail aan bij elke eigenaar voor wie ze gelden. Verlengingen op of na de aangekondigde datum gebeuren tegen de nieuwe prijs.
- Accounts met uitzonderlijk veel eindgebruikers of tickets per medewerker kunnen we een enterprise-abonnement aanbieden.
- Voor het gratis abonnement gelden redelijke gebruikslimieten, die we op elk moment kunnen aanpassen.

## Facturen, btw en vooruitbetaald tegoed
- Facturen krijgen per jaar een doorlopend nummer zonder onderbrekingen en worden na uitgifte nooit meer gewijzigd. Een correctie gebeurt met een creditnota en een nieuwe factuur.
- Btw: klanten in Slowakije betalen Slowaakse btw. Bedrijven elders in de EU met een geldig btw-nummer betalen geen btw; de btw is dan verlegd (reverse-charge). Andere klanten in de EU betalen het btw-tarief van hun eigen land. Klanten buiten de EU betalen geen btw.
- Houd uw factuurgegevens en btw-nummer actueel op de factuurpagina. Een btw-nummer geldt voor facturen die worden uitgereikt nadat u het heeft opgeslagen; btw die al is gefactureerd, betalen we niet terug.
- Tot 15 dagen na de uitgifte van uw laatste factuur kunt u vragen die opnieuw uit te reiken met bijgewerkte factuurgegevens. U ontvangt dan een creditnota en een nieuwe factuur met dezelfde bedragen en dezelfde btw-behandeling.
- Vooruitbetaald jaartegoed dat u met ons heeft afgesproken, wordt verbruikt tegen uw maandprijs. Zegt u op terwijl er nog tegoed over is, dan betalen we het ongebruikte deel terug, verminderd met annuleringskosten (standaard de helft van het ongebruikte deel).

## Lifetime deals
- Een code voor een lifetime deal (bijvoorbeeld van AppSumo) kan één keer worden ingewisseld, vóór de uiterste datum van de deal, en per account maar één code.
- Een deal-account omvat de eigenaar en één extra gebruiker. Voor elke verdere gebruiker betaalt u de normale prijs per gebruikersplaats van het abonnement, voor de dagen dat die gebruiker bestond, achteraf per maand gefactureerd. Om zo’n gebruiker toe te voegen zijn volledige factuurgegevens en een betaalmethode nodig; ontbreken die op de factuurdatum, dan wordt het account geblokkeerd totdat ze zijn aangevuld.
- Pogingen om een al gebruikte code in te wisselen leggen we vast, en we kunnen de betrokken accounts blokkeren.

## Opzeggen, blokkeren en inactiviteit
- U kunt uw account op elk moment opzeggen onder Mijn account. De opzegging gaat direct in: er wordt niets meer in rekening gebracht, alle gebruikers verliezen hun toegang en de inhoud en persoonsgegevens van het account worden verwijderd. Dit kan niet ongedaan worden gemaakt. Facturen bewaren we zo lang als de wet voorschrijft.
- U kunt ons supportteam ook per e-mail vragen het account op te zeggen; dat regelen we binnen één werkdag.
- Een account dat deze voorwaarden schendt, kunnen we blokkeren of beëindigen. We proberen eerst contact met u op te nemen en u per e-mail te waarschuwen, behalve bij fraude of onwettig gebruik.
- Een account waarvoor niet wordt betaald (gratis, in de proefperiode, geblokkeerd, of een lifetime deal zonder extra gebruikers) en dat 4 weken niet wordt gebruikt, krijgt een waarschuwing per e-mail. Na 8 weken zonder activiteit verwijderen we het account met alle gegevens.

## Maatwerk
U kunt ons vragen om maatwerk te ontwikkelen. Nemen we de opdracht aan, dan sturen we u een overeenkomst met de eisen, de specificatie, een vaste prijs in euro en een verwachte opleverdatum. De overeenkomst komt tot stand zodra u die schriftelijk goedkeurt. Wat we bouwen, blijft ons intellectueel eigendom en mogen we ook voor andere klanten gebruiken. Opgeleverd werk factureren we tegen de afgesproken prijs.

## Privacy
Hoe we met persoonsgegevens omgaan en hoe u uw rechten uitoefent, leest u op onze privacypagina. U kunt op elk moment uw toestemming intrekken, een kopie van uw gegevens opvragen of ons vragen ze te verwijderen.

## Beschikbaarheid
Gepland onderhoud kondigen we vooraf aan op de statuspagina en in het portaal.`,
};

/**
 * ACC-6: the body of a terms version in `locale`: the Dutch text when the version has one, else the
 * English original (a version published before Dutch bodies existed). Pure.
 */
export function termsBodyIn(terms: { body: string; bodyNl: string | null }, locale: Locale): { locale: Locale; body: string } {
  if (locale === 'nl' && terms.bodyNl) return { locale: 'nl', body: terms.bodyNl };
  return { locale: 'en', body: terms.body };
}
