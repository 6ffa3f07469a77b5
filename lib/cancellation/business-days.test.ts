import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cancellationDueAt, easterSunday, isBusinessDay, slovakRestDays } from './business-days';

const REST_2026: [string, string][] = [
  ['2026-01-01', 'Day of the Establishment of the Slovak Republic'],
  ['2026-01-06', 'Epiphany'],
  ['2026-04-03', 'Good Friday'],
  ['2026-04-06', 'Easter Monday'],
  ['2026-05-01', 'Labour Day'],
  ['2026-07-05', 'Saints Cyril and Methodius Day'],
  ['2026-08-29', 'Slovak National Uprising anniversary'],
  ['2026-11-01', "All Saints' Day"],
  ['2026-12-24', 'Christmas Eve'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-26', "St Stephen's Day"],
];
const REST_2027: [string, string][] = [
  ['2027-01-01', 'Day of the Establishment of the Slovak Republic'],
  ['2027-01-06', 'Epiphany'],
  ['2027-03-26', 'Good Friday'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-05-01', 'Labour Day'],
  ['2027-05-08', 'Day of Victory over Fascism'],
  ['2027-07-05', 'Saints Cyril and Methodius Day'],
  ['2027-08-29', 'Slovak National Uprising anniversary'],
  ['2027-09-15', 'Our Lady of the Seven Sorrows'],
  ['2027-11-01', "All Saints' Day"],
  ['2027-12-24', 'Christmas Eve'],
  ['2027-12-25', 'Christmas Day'],
  ['2027-12-26', "St Stephen's Day"],
];

describe('CAN-2 Slovak business days', () => {
  test.each([...REST_2026, ...REST_2027])('CAN-2 %s (%s) is a day of rest', (day) => {
    expect(slovakRestDays(Number(day.slice(0, 4)))).toContain(day);
    expect(isBusinessDay(day)).toBe(false);
  });

  test('CAN-2 the days of rest of 2026 and 2027 are exactly these', () => {
    expect(slovakRestDays(2026)).toEqual(REST_2026.map(([d]) => d));
    expect(slovakRestDays(2027)).toEqual(REST_2027.map(([d]) => d));
  });

  test.each([
    ['2026-09-01', 'Constitution Day: no day of rest since 2024'],
    ['2026-11-17', 'Struggle for Freedom and Democracy Day: no day of rest since 2025'],
    ['2027-09-01', 'Constitution Day'],
    ['2027-11-17', 'Struggle for Freedom and Democracy Day'],
    ['2026-05-08', 'Day of Victory over Fascism: a working day in 2026 only'],
    ['2026-09-15', 'Our Lady of the Seven Sorrows: a working day in 2026 only'],
  ])('CAN-2 %s is a business day (%s)', (day) => {
    expect(isBusinessDay(day)).toBe(true);
  });

  test('CAN-2 before the amendments 1 September (2023) and 17 November (2024) were days of rest', () => {
    expect(slovakRestDays(2023)).toContain('2023-09-01');
    expect(slovakRestDays(2024)).not.toContain('2024-09-01');
    expect(slovakRestDays(2024)).toContain('2024-11-17');
    expect(slovakRestDays(2025)).not.toContain('2025-11-17');
  });

  test('CAN-2 Easter Sunday is computed for known years', () => {
    expect(['2024', '2025', '2026', '2027', '2028', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2038-04-25',
    ]);
  });

  test('CAN-2 weekends are not business days', () => {
    expect(isBusinessDay('2026-11-28')).toBe(false);
    expect(isBusinessDay('2026-11-29')).toBe(false);
    expect(isBusinessDay('2026-11-30')).toBe(true);
  });
});

describe('CAN-2 the due time of an emailed cancellation', () => {
  const due = (iso: string) => cancellationDueAt(new Date(iso)).toISOString();

  test('CAN-2 received on a Friday before a Monday holiday: due the same time on Tuesday', () => {
    // Friday 2 July 2027, 14:30 in Bratislava; Monday 5 July is Saints Cyril and Methodius Day.
    expect(due('2027-07-02T12:30:00Z')).toBe('2027-07-06T12:30:00.000Z');
  });

  test('CAN-2 received on the Thursday before Easter: due on the Tuesday after Easter Monday', () => {
    expect(due('2026-04-02T08:00:00Z')).toBe('2026-04-07T08:00:00.000Z');
  });

  test('CAN-2 received on a Tuesday: due the same time on Wednesday', () => {
    expect(due('2026-11-24T09:15:00Z')).toBe('2026-11-25T09:15:00.000Z');
  });

  test('CAN-2 received on a Saturday: due by the end of Monday (Bratislava)', () => {
    expect(due('2026-11-28T10:00:00Z')).toBe('2026-11-30T22:59:59.999Z');
  });

  test('CAN-2 received on Christmas Eve 2026 (Thursday): due by the end of Monday 28 December', () => {
    expect(due('2026-12-24T09:00:00Z')).toBe('2026-12-28T22:59:59.999Z');
  });

  test('CAN-2 the due time is always later, on a business day, and at most a week after receipt', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }), (receivedAt) => {
        const dueAt = cancellationDueAt(receivedAt);
        expect(dueAt > receivedAt).toBe(true);
        expect(dueAt.getTime() - receivedAt.getTime()).toBeLessThanOrEqual(7 * 24 * 3600_000);
        const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bratislava', year: 'numeric', month: '2-digit', day: '2-digit' }).format(dueAt);
        expect(isBusinessDay(local)).toBe(true);
      }),
    );
  });
});
