import t from 'tap'
import { dueSlot, latestSlot, nextSlot, slotOfWeek } from '../../src/insight/digest/schedule.ts'
import { isoWeek, zonedInstant } from '../../src/insight/digest/zoned-time.ts'

t.test('ISO weeks match the calendar (reference dates from ISO 8601 week tables)', async (t) => {
  const cases: [string, string][] = [
    ['2021-01-03', '2020-W53'], ['2021-01-04', '2021-W01'], ['2020-12-31', '2020-W53'], ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'], ['2027-01-03', '2026-W53'], ['2025-06-02', '2025-W23'], ['2008-12-29', '2009-W01'], ['2010-01-03', '2009-W53'],
  ]
  for (const [date, week] of cases) {
    const [year, month, day] = date.split('-').map(Number)
    t.equal(isoWeek({ year, month, day }), week, date)
  }
})

t.test('wall-clock times become instants across daylight-saving changes', async (t) => {
  t.equal(zonedInstant({ year: 2025, month: 3, day: 24, hour: 8, minute: 0 }, 'Europe/Paris').toISOString(), '2025-03-24T07:00:00.000Z', 'winter: UTC+1')
  t.equal(zonedInstant({ year: 2025, month: 3, day: 31, hour: 8, minute: 0 }, 'Europe/Paris').toISOString(), '2025-03-31T06:00:00.000Z', 'summer: UTC+2')
  t.equal(zonedInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, 'Europe/Paris').toISOString(), '2025-03-30T01:30:00.000Z', 'a skipped time lands an hour later (03:30 CEST)')
  t.equal(zonedInstant({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, 'Europe/Paris').toISOString(), '2025-10-26T00:30:00.000Z', 'a repeated time takes its first occurrence')
  t.equal(zonedInstant({ year: 2025, month: 6, day: 2, hour: 7, minute: 0 }, 'Pacific/Auckland').toISOString(), '2025-06-01T19:00:00.000Z')
  t.equal(zonedInstant({ year: 2025, month: 11, day: 3, hour: 2, minute: 0 }, 'America/New_York').toISOString(), '2025-11-03T07:00:00.000Z')
})

t.test('each subscription owes one slot per ISO week of its own time zone', async (t) => {
  const paris = { weekday: 1, hour: 8, timeZone: 'Europe/Paris' }
  t.same(slotOfWeek(paris, new Date('2025-06-04T12:00:00Z')), { isoWeek: '2025-W23', at: new Date('2025-06-02T06:00:00Z') })
  t.same(latestSlot(paris, new Date('2025-06-02T05:59:00Z')), { isoWeek: '2025-W22', at: new Date('2025-05-26T06:00:00Z') }, 'a minute before: last week\'s')
  t.same(latestSlot(paris, new Date('2025-06-02T06:00:00Z')), { isoWeek: '2025-W23', at: new Date('2025-06-02T06:00:00Z') })
  t.same(nextSlot(paris, new Date('2025-06-02T06:00:00Z')), { isoWeek: '2025-W24', at: new Date('2025-06-09T06:00:00Z') })

  // Monday 07:00 in Auckland is still Sunday in UTC: the week is Auckland's.
  const auckland = { weekday: 1, hour: 7, timeZone: 'Pacific/Auckland' }
  t.same(latestSlot(auckland, new Date('2025-06-01T20:00:00Z')), { isoWeek: '2025-W23', at: new Date('2025-06-01T19:00:00Z') })
  // Sunday 23:00 in Los Angeles is Monday in UTC: still the week that ends that Sunday.
  const losAngeles = { weekday: 7, hour: 23, timeZone: 'America/Los_Angeles' }
  t.same(latestSlot(losAngeles, new Date('2025-06-02T07:00:00Z')), { isoWeek: '2025-W22', at: new Date('2025-06-02T06:00:00Z') })

  t.equal(dueSlot(paris, new Date('2025-06-02T07:00:00Z'), new Date('2025-06-02T09:00:00Z')), null, 'a subscription created after this week\'s slot waits for the next one')
  t.same(dueSlot(paris, new Date('2025-06-01T00:00:00Z'), new Date('2025-06-02T09:00:00Z')), { isoWeek: '2025-W23', at: new Date('2025-06-02T06:00:00Z') })
})
