import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type Booking from '#facilities/models/booking'
import type BookingSeries from '#facilities/models/booking_series'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * Tenants book for their own enterprise only and see their own bookings in detail; operators
 * see and run all of them; evaluators read.
 */
export default class BookingPolicy extends BasePolicy {
  create(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }

  view(user: User, booking: Booking) {
    if (user.isOperator || user.isEvaluator) return true
    return ownsTenantRecord(user, booking)
  }

  viewSeries(user: User, series: BookingSeries) {
    if (user.isOperator || user.isEvaluator) return true
    return ownsTenantRecord(user, series)
  }

  /** Cancel and check in: the tenant that booked, or an operator. */
  act(user: User, booking: Booking) {
    return user.isOperator || ownsTenantRecord(user, booking)
  }

  decide(user: User) {
    return user.isOperator
  }

  /** Tenant names of others' bookings: operators and evaluators only. */
  seeNames(user: User) {
    return user.isOperator || user.isEvaluator
  }
}
