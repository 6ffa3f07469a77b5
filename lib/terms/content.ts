// The terms of service, in Accountdesk's own words. Version 1 is seeded at first start; staff
// publish later versions from /staff/terms. Body format: "## " starts a section, blank lines
// separate paragraphs, "- " starts a list item.
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
