/*
|--------------------------------------------------------------------------
| Jobs and schedules: the one place every background job is registered
|--------------------------------------------------------------------------
*/
import type { JobClass, Schedule } from '#core/queue/job'
import AuditChainCheckJob from '#core/jobs/audit_chain_check_job'
import LeaseExpiryJob from '#park/jobs/lease_expiry_job'
import LeaseReminderJob from '#park/jobs/lease_reminder_job'
import DocumentExpiryJob from '#park/jobs/document_expiry_job'
import BookingNoShowJob from '#facilities/jobs/booking_no_show_job'
import ComplaintDeadlineJob from '#complaints/jobs/complaint_deadline_job'
import ComplaintAutoCloseJob from '#complaints/jobs/complaint_auto_close_job'
import ServiceRequestOverdueJob from '#service_desk/jobs/service_request_overdue_job'
import ConsultationDeadlineJob from '#complaints/jobs/consultation_deadline_job'
import SwOutboxJob from '#single_window/jobs/sw_outbox_job'
import SwInboxJob from '#single_window/jobs/sw_inbox_job'
import SwSimulatorJob from '#single_window/jobs/sw_simulator_job'

export const jobs: JobClass[] = [
  AuditChainCheckJob,
  LeaseExpiryJob,
  LeaseReminderJob,
  DocumentExpiryJob,
  BookingNoShowJob,
  ComplaintDeadlineJob,
  ComplaintAutoCloseJob,
  ServiceRequestOverdueJob,
  ConsultationDeadlineJob,
  SwOutboxJob,
  SwInboxJob,
  SwSimulatorJob,
]

export const schedules: Schedule[] = [
  // Nightly proof that nobody rewrote the audit trail (GB/T 39678 7.2: records and archives).
  { id: 'audit-chain-check', job: AuditChainCheckJob, pattern: '0 2 * * *' },
  // A lease ends at the end of its last day; the morning after it no longer occupies its units.
  { id: 'lease-expiry', job: LeaseExpiryJob, pattern: '10 0 * * *' },
  // Reminders 60 and 30 days before a lease ends, in the morning (Asia/Shanghai).
  { id: 'lease-reminders', job: LeaseReminderJob, pattern: '0 8 * * *' },
  // Tenants' documents expiring within 30 days (and those expired yesterday): at the start of office hours.
  { id: 'document-expiry', job: DocumentExpiryJob, pattern: '0 8 * * *' },
  // Bookings nobody checked in to 15 minutes after their start are released as no-shows.
  { id: 'booking-no-shows', job: BookingNoShowJob, pattern: '*/5 * * * *' },
  // GB/T 39678 7.3.2: 75% reminders and escalation at the deadline, checked every quarter hour.
  { id: 'complaint-deadlines', job: ComplaintDeadlineJob, pattern: '*/15 * * * *' },
  // A resolved complaint nobody answered for 7 days is closed, early in the morning.
  { id: 'complaint-auto-close', job: ComplaintAutoCloseJob, pattern: '30 0 * * *' },
  // GB/T 39678 7.1: service requests past their promised times go to the department head.
  { id: 'service-request-overdue', job: ServiceRequestOverdueJob, pattern: '*/15 * * * *' },
  // SZDB/Z 304.1 6.9.1: consultations near or past their 48 hours, checked every quarter hour.
  { id: 'consultation-deadlines', job: ConsultationDeadlineJob, pattern: '*/15 * * * *' },
  // Issue 6: pending outbox messages to SW_EXCHANGE_DIR/OutBox, and receipts from InBox, every minute.
  { id: 'sw-outbox', job: SwOutboxJob, pattern: '* * * * *' },
  { id: 'sw-inbox', job: SwInboxJob, pattern: '* * * * *' },
  // The joint-debugging simulator plays customs on the same folders, only where SW_SIMULATOR=on (demo).
  ...(process.env.SW_SIMULATOR === 'on'
    ? [{ id: 'sw-simulator', job: SwSimulatorJob, pattern: '* * * * *' }]
    : []),
]
