/**
 * China's 2026 statutory holidays and make-up workdays (国务院办公厅关于2026年部分节假日安排的通知,
 * shared/standards/holidays-2026.md). Operators edit later years in the calendar page.
 */
const ranges: Array<[string, string, string, string[]]> = [
  ['元旦 New Year', '2026-01-01', '2026-01-03', ['2026-01-04']],
  ['春节 Spring Festival', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
  ['清明节 Qingming', '2026-04-04', '2026-04-06', []],
  ['劳动节 Labour Day', '2026-05-01', '2026-05-05', ['2026-05-09']],
  ['端午节 Dragon Boat', '2026-06-19', '2026-06-21', []],
  ['中秋节 Mid-Autumn', '2026-09-25', '2026-09-27', []],
  ['国庆节 National Day', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
]

export function holidays2026() {
  const days: Array<{ day: string; kind: 'day_off' | 'workday'; name: string }> = []
  for (const [name, from, to, workdays] of ranges) {
    for (
      let d = new Date(`${from}T00:00:00Z`);
      d <= new Date(`${to}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      days.push({ day: d.toISOString().slice(0, 10), kind: 'day_off', name })
    }
    for (const day of workdays) days.push({ day, kind: 'workday', name: `${name} 调休上班` })
  }
  return days
}
