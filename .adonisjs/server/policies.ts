export const policies = {
  AuditPolicy: () => import('#app/audits/policies/audit_policy'),
  ComplaintPolicy: () => import('#app/complaints/policies/complaint_policy'),
  ComplaintsConsultationPolicy: () => import('#app/complaints/policies/consultation_policy'),
  ComplaintsFaqPolicy: () => import('#app/complaints/policies/faq_policy'),
  ComplaintsPollPolicy: () => import('#app/complaints/policies/poll_policy'),
  CoreAdminPolicy: () => import('#app/core/policies/admin_policy'),
  CoreAttachmentPolicy: () => import('#app/core/policies/attachment_policy'),
  CoreRegistrationPolicy: () => import('#app/core/policies/registration_policy'),
  CoreUserPolicy: () => import('#app/core/policies/user_policy'),
  FacilitiesBookingPolicy: () => import('#app/facilities/policies/booking_policy'),
  FacilityPolicy: () => import('#app/facilities/policies/facility_policy'),
  ParkDocumentPolicy: () => import('#app/park/policies/document_policy'),
  ParkPolicy: () => import('#app/park/policies/park_policy'),
  ParkTenantChangePolicy: () => import('#app/park/policies/tenant_change_policy'),
  ServiceDeskPolicy: () => import('#app/service_desk/policies/service_desk_policy'),
}

