import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type User from '#core/models/user'
import { usccCheckChar } from '#core/uscc'
import AuditService from '#core/services/audit_service'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A valid USCC for the i-th synthetic enterprise. */
function syntheticUscc(i: number) {
  let body = ''
  let n = i
  for (let k = 0; k < 8; k++) {
    body = ALPHABET[n % 31] + body
    n = Math.floor(n / 31)
  }
  const first17 = `91440300${body}L`
  return first17 + usccCheckChar(first17)
}

/**
 * The `large` profile for benchmarks: 500 tenants with 4 users each and
 * 20,000 audit entries, inserted in batches (the chain is still built by AuditService).
 */
export async function seedLarge(operator: User) {
  const password = await hash.make('ParkGate#2026')
  const now = DateTime.utc()
  for (let batch = 0; batch < 10; batch++) {
    await db.transaction(async (trx) => {
      const tenants = Array.from({ length: 50 }, (_, k) => {
        const i = batch * 50 + k + 1
        return {
          uscc: syntheticUscc(i),
          name: `示例跨境企业 ${i} 有限公司`,
          user_category: 'ecommerce_enterprise',
          legal_representative: `法人${i}`,
          contact_person: `联系人${i}`,
          contact_phone: `139${String(i).padStart(8, '0')}`,
          contact_email: `large-${i}@example.test`,
          status: 'admitted',
          created_at: now.minus({ days: i % 700 }).toSQL({ includeOffset: false }),
          updated_at: now.toSQL({ includeOffset: false }),
        }
      })
      await trx.table('tenants').multiInsert(tenants)
      const ids = await trx
        .from('tenants')
        .whereIn(
          'uscc',
          tenants.map((t) => t.uscc)
        )
        .select('id', 'uscc')
      const users = ids.flatMap((t: any) =>
        [0, 1, 2, 3].map((u) => ({
          email: `u${u}-${t.uscc.toLowerCase()}@example.test`,
          password,
          full_name: `成员 ${u}`,
          role: u === 0 ? 'tenant_admin' : 'tenant_member',
          tenant_id: t.id,
          is_active: true,
          created_at: now.toSQL({ includeOffset: false }),
          updated_at: now.toSQL({ includeOffset: false }),
        }))
      )
      await trx.table('users').multiInsert(users)
    })
  }
  const audit = new AuditService()
  for (let batch = 0; batch < 40; batch++) {
    await db.transaction(async (trx) => {
      for (let k = 0; k < 500; k++) {
        await audit.record(trx, {
          action: 'bench.seeded',
          subjectType: 'tenant',
          subjectId: batch * 500 + k,
          after: { n: k },
          actor: operator,
        })
      }
    })
  }
}
