import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import User from '#core/models/user'
import Department from '#core/models/department'
import CalendarDay from '#core/models/calendar_day'
import RegistrationService from '#core/services/registration_service'
import DepartmentService from '#core/services/department_service'
import UserService from '#core/services/user_service'
import { holidays2026 } from '#database/seed_data/holidays_2026'
import {
  DEMO_BUILDINGS,
  DEMO_DEPARTMENTS,
  DEMO_PARK,
  DEMO_LEASES,
  DEMO_SHORT_LEASE,
  DEMO_PASSWORD,
  DEMO_REGISTER,
  DEMO_TENANTS,
} from '#database/seed_data/demo_data'
import SpaceService from '#park/services/space_service'
import LeaseService from '#park/services/lease_service'
import Tenant from '#core/models/tenant'
import Unit from '#park/models/unit'
import TenantRegisterService from '#park/services/tenant_register_service'
import type { UnitStatus, UnitType } from '#park/spaces'
import { seedLarge } from '#database/seed_data/large_profile'
import { seedDemoDocuments } from '#database/seed_data/demo_documents'
import LeaseReminderJob from '#park/jobs/lease_reminder_job'
import { todayInShanghai } from '#core/dates'
import { seedFacilities } from '#database/seed_data/facilities_demo'
import { seedComplaintsDemo } from '#database/seed_data/complaints_demo'
import { seedServiceDeskDemo } from '#database/seed_data/service_desk_demo'
import { seedConsultationsDemo } from '#database/seed_data/consultations_demo'
import { seedAuditsDemo } from '#database/seed_data/audits_demo'

/**
 * Profiles: `demo` (default; the README's accounts) and `large` (benchmarks). Safe to run
 * again: it does nothing when the demo operator already exists. Writes go through the services,
 * so the audit trail holds the history of the demo data too.
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    // Facilities came later than the rest: a database seeded before them still gets them.
    if (await User.findBy('email', 'operator@parkgate.local')) {
      // Features added after the first seed fill themselves in (each checks first).
      await seedFacilities()
      await seedConsultationsDemo()
      await seedServiceDeskDemo()
      return seedAuditsDemo()
    }

    const existing = await CalendarDay.query().count('* as total').firstOrFail()
    if (Number(existing.$extras.total) === 0) {
      // A raw insert: give the timestamps in the format Lucid reads back (a JS Date lands as a number in SQLite).
      const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
      await db
        .table('calendar_days')
        .multiInsert(holidays2026().map((d) => ({ ...d, created_at: now, updated_at: now })))
    }

    const departments = new DepartmentService()
    for (const department of DEMO_DEPARTMENTS) await departments.create(department)
    const operations = await Department.findByOrFail('name', DEMO_DEPARTMENTS[0].name)

    const users = new UserService()
    const operator = await users.create({
      email: 'operator@parkgate.local',
      password: DEMO_PASSWORD,
      fullName: '王建国',
      role: 'operator_admin',
    })
    await users.create({
      email: 'staff@parkgate.local',
      password: DEMO_PASSWORD,
      fullName: '李晓梅',
      role: 'operator_staff',
      departmentId: operations.id,
    })
    await users.create({
      email: 'evaluator@parkgate.local',
      password: DEMO_PASSWORD,
      fullName: '陈评审',
      role: 'evaluator',
    })

    const registrations = new RegistrationService()
    for (const tenant of DEMO_TENANTS) {
      const application = await registrations.apply({
        ...tenant.application,
        password: DEMO_PASSWORD,
      })
      const { tenant: admitted } = await registrations.approve(application.id, operator)
      const details = DEMO_REGISTER[admitted.uscc]
      await new TenantRegisterService().update(admitted, {
        ...details,
        contactPerson: admitted.contactPerson,
        contactPhone: admitted.contactPhone,
        contactEmail: admitted.contactEmail,
        status: 'resident',
      })
      for (const member of tenant.members) {
        await users.create({ ...member, password: DEMO_PASSWORD, tenantId: admitted.id })
      }
    }
    // One application left pending so the review queue is not empty.
    await registrations.apply({
      userCategory: 'payment_enterprise',
      unitName: '深圳前海跨境支付服务有限公司',
      uscc: '91440300MA5G8K2X1D',
      legalRepresentative: '赵海',
      contactPerson: '钱多多',
      mobile: '13800138003',
      email: 'apply@qianhaipay.example',
      password: DEMO_PASSWORD,
    })

    const spaces = new SpaceService()
    await spaces.saveProfile(DEMO_PARK)
    for (const [code, name, floors, units] of DEMO_BUILDINGS) {
      const building = await spaces.createBuilding({ code, name, floors })
      for (const [floor, number, unitType, area, status] of units) {
        await spaces.createUnit({
          buildingId: building.id,
          floor,
          number,
          unitType: unitType as UnitType,
          area,
          // Leased units become leased through their lease below, never by hand.
          status: (status === 'leased' ? 'vacant' : status) as UnitStatus,
        })
      }
    }

    const leases = new LeaseService()
    for (const [uscc, numbers, start, end, rentYuan] of DEMO_LEASES) {
      const tenant = await Tenant.findByOrFail('uscc', uscc)
      const units = await Unit.query().whereIn('number', numbers)
      await leases.create({
        tenantId: tenant.id,
        unitIds: units.map((u) => u.id),
        startDate: DateTime.fromISO(start),
        endDate: DateTime.fromISO(end),
        monthlyRentFen: rentYuan * 100,
        depositFen: rentYuan * 200,
        activate: true,
      })
    }

    const today = todayInShanghai()
    const short = DEMO_SHORT_LEASE
    await leases.create({
      tenantId: (await Tenant.findByOrFail('uscc', short.uscc)).id,
      unitIds: [(await Unit.findByOrFail('number', short.unit)).id],
      startDate: today.minus({ months: short.monthsBefore }).startOf('month'),
      endDate: today.plus({ days: short.daysAfter }),
      monthlyRentFen: short.rentYuan * 100,
      depositFen: short.rentYuan * 200,
      activate: true,
    })
    await new LeaseReminderJob().handle({})

    await seedDemoDocuments()
    await seedFacilities()
    await seedComplaintsDemo()
    await seedServiceDeskDemo()
    await seedConsultationsDemo()
    await seedAuditsDemo()

    if (env.get('SEED_PROFILE', 'demo') === 'large') await seedLarge(operator)
  }
}
