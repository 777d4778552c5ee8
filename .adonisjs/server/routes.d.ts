import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'vendor.chartjs': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'departments.public': { paramsTuple?: []; params?: {} }
    'register.status': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'register.create': { paramsTuple?: []; params?: {} }
    'register.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'account.password.edit': { paramsTuple?: []; params?: {} }
    'account.password.update': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'attachments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.index': { paramsTuple?: []; params?: {} }
    'admin.registrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.create': { paramsTuple?: []; params?: {} }
    'admin.users.store': { paramsTuple?: []; params?: {} }
    'admin.users.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.index': { paramsTuple?: []; params?: {} }
    'admin.departments.create': { paramsTuple?: []; params?: {} }
    'admin.departments.store': { paramsTuple?: []; params?: {} }
    'admin.departments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.calendar.index': { paramsTuple?: []; params?: {} }
    'admin.calendar.store': { paramsTuple?: []; params?: {} }
    'admin.calendar.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.members.index': { paramsTuple?: []; params?: {} }
    'tenant.members.create': { paramsTuple?: []; params?: {} }
    'tenant.members.store': { paramsTuple?: []; params?: {} }
    'tenant.members.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.index': { paramsTuple?: []; params?: {} }
    'facilities.create': { paramsTuple?: []; params?: {} }
    'facilities.store': { paramsTuple?: []; params?: {} }
    'facilities.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'facilities.photo.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'facilities.blocks.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.blocks.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'blockId': ParamValue} }
    'bookings.index': { paramsTuple?: []; params?: {} }
    'bookings.list': { paramsTuple?: []; params?: {} }
    'bookings.create': { paramsTuple?: []; params?: {} }
    'bookings.store': { paramsTuple?: []; params?: {} }
    'bookings.utilisation': { paramsTuple?: []; params?: {} }
    'bookings.utilisation.workbook': { paramsTuple?: []; params?: {} }
    'bookings.series': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.check_in': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.public.new': { paramsTuple?: []; params?: {} }
    'complaints.public.store': { paramsTuple?: []; params?: {} }
    'complaints.public.lookup': { paramsTuple?: []; params?: {} }
    'complaints.public.receipt': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaints.public.feedback': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaints.index': { paramsTuple?: []; params?: {} }
    'complaints.ledger': { paramsTuple?: []; params?: {} }
    'complaints.statistics': { paramsTuple?: []; params?: {} }
    'complaints.create': { paramsTuple?: []; params?: {} }
    'complaints.store': { paramsTuple?: []; params?: {} }
    'complaints.categories.index': { paramsTuple?: []; params?: {} }
    'complaints.categories.create': { paramsTuple?: []; params?: {} }
    'complaints.categories.store': { paramsTuple?: []; params?: {} }
    'complaints.categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.start': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.await': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.reopen': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.callback': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.index': { paramsTuple?: []; params?: {} }
    'tenant.complaints.create': { paramsTuple?: []; params?: {} }
    'tenant.complaints.store': { paramsTuple?: []; params?: {} }
    'tenant.complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.feedback': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.public.create': { paramsTuple?: []; params?: {} }
    'consultations.public.store': { paramsTuple?: []; params?: {} }
    'consultations.public.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.index': { paramsTuple?: []; params?: {} }
    'consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.faq': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.faq.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.consultations.index': { paramsTuple?: []; params?: {} }
    'tenant.consultations.create': { paramsTuple?: []; params?: {} }
    'tenant.consultations.store': { paramsTuple?: []; params?: {} }
    'tenant.consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.index': { paramsTuple?: []; params?: {} }
    'faq.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.index': { paramsTuple?: []; params?: {} }
    'faq.manage.create': { paramsTuple?: []; params?: {} }
    'faq.manage.store': { paramsTuple?: []; params?: {} }
    'faq.manage.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.unpublish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.categories': { paramsTuple?: []; params?: {} }
    'faq.manage.categories.store': { paramsTuple?: []; params?: {} }
    'faq.manage.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.index': { paramsTuple?: []; params?: {} }
    'polls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.opine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.manage.index': { paramsTuple?: []; params?: {} }
    'polls.manage.create': { paramsTuple?: []; params?: {} }
    'polls.manage.store': { paramsTuple?: []; params?: {} }
    'polls.manage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.manage.respond': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.index': { paramsTuple?: []; params?: {} }
    'services.create': { paramsTuple?: []; params?: {} }
    'services.store': { paramsTuple?: []; params?: {} }
    'services.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.index': { paramsTuple?: []; params?: {} }
    'service_requests.export': { paramsTuple?: []; params?: {} }
    'service_requests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.start': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.note': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.index': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.create': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.store': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.reopen': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.profile.show': { paramsTuple?: []; params?: {} }
    'tenant.sw.profile.update': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.create': { paramsTuple: [ParamValue]; params: {'type': ParamValue} }
    'tenant.sw.declarations.store': { paramsTuple: [ParamValue]; params: {'type': ParamValue} }
    'tenant.sw.declarations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.check': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.imports.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.imports.template': { paramsTuple: [ParamValue,ParamValue]; params: {'type': ParamValue,'format': ParamValue} }
    'tenant.sw.imports.store': { paramsTuple?: []; params?: {} }
    'tenant.sw.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.imports.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.tokens.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.tokens.store': { paramsTuple?: []; params?: {} }
    'tenant.sw.tokens.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'sw.declarations.index': { paramsTuple?: []; params?: {} }
    'sw.declarations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'sw.failbox': { paramsTuple?: []; params?: {} }
    'api.tracking.events': { paramsTuple?: []; params?: {} }
    'track': { paramsTuple?: []; params?: {} }
    'audits.index': { paramsTuple?: []; params?: {} }
    'audits.create': { paramsTuple?: []; params?: {} }
    'audits.store': { paramsTuple?: []; params?: {} }
    'audits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.evaluators': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.transition': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'audits.preparation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.documents.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.documents.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.documents.link': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.documents.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.clauses.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.verdict': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.observe': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.confirm': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.sample': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.finding': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.sample_items.judge': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'audits.photos.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photo': ParamValue} }
    'audits.findings.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.findings.close': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'finding': ParamValue} }
    'tenant.confirmations.index': { paramsTuple?: []; params?: {} }
    'tenant.confirmations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.confirmations.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.report_xlsx': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.bundle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.profile.edit': { paramsTuple?: []; params?: {} }
    'park.profile.update': { paramsTuple?: []; params?: {} }
    'park.units.index': { paramsTuple?: []; params?: {} }
    'park.units.create': { paramsTuple?: []; params?: {} }
    'park.units.store': { paramsTuple?: []; params?: {} }
    'park.units.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.units.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.units.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.index': { paramsTuple?: []; params?: {} }
    'park.tenants.export': { paramsTuple?: []; params?: {} }
    'park.tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_changes.index': { paramsTuple?: []; params?: {} }
    'park.tenant_changes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_changes.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_changes.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.statistics.show': { paramsTuple?: []; params?: {} }
    'park.statistics.workbook': { paramsTuple?: []; params?: {} }
    'park.leases.index': { paramsTuple?: []; params?: {} }
    'park.leases.export': { paramsTuple?: []; params?: {} }
    'park.leases.create': { paramsTuple?: []; params?: {} }
    'park.leases.store': { paramsTuple?: []; params?: {} }
    'park.leases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.activate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.terminate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.renewal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.renew': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.imports.show': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.imports.template': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.imports.store': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.buildings.create': { paramsTuple?: []; params?: {} }
    'park.buildings.store': { paramsTuple?: []; params?: {} }
    'park.buildings.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.buildings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.index': { paramsTuple?: []; params?: {} }
    'park.documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_documents.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_documents.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.profile.show': { paramsTuple?: []; params?: {} }
    'tenant.profile.edit': { paramsTuple?: []; params?: {} }
    'tenant.profile.update': { paramsTuple?: []; params?: {} }
    'tenant.profile.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.index': { paramsTuple?: []; params?: {} }
    'tenant.documents.create': { paramsTuple?: []; params?: {} }
    'tenant.documents.store': { paramsTuple?: []; params?: {} }
    'tenant.documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'vendor.chartjs': { paramsTuple?: []; params?: {} }
    'departments.public': { paramsTuple?: []; params?: {} }
    'register.status': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'register.create': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'account.password.edit': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'attachments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.index': { paramsTuple?: []; params?: {} }
    'admin.registrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.create': { paramsTuple?: []; params?: {} }
    'admin.users.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.index': { paramsTuple?: []; params?: {} }
    'admin.departments.create': { paramsTuple?: []; params?: {} }
    'admin.departments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.calendar.index': { paramsTuple?: []; params?: {} }
    'tenant.members.index': { paramsTuple?: []; params?: {} }
    'tenant.members.create': { paramsTuple?: []; params?: {} }
    'facilities.index': { paramsTuple?: []; params?: {} }
    'facilities.create': { paramsTuple?: []; params?: {} }
    'facilities.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'bookings.index': { paramsTuple?: []; params?: {} }
    'bookings.list': { paramsTuple?: []; params?: {} }
    'bookings.create': { paramsTuple?: []; params?: {} }
    'bookings.utilisation': { paramsTuple?: []; params?: {} }
    'bookings.utilisation.workbook': { paramsTuple?: []; params?: {} }
    'bookings.series': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.public.new': { paramsTuple?: []; params?: {} }
    'complaints.public.lookup': { paramsTuple?: []; params?: {} }
    'complaints.public.receipt': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaints.index': { paramsTuple?: []; params?: {} }
    'complaints.ledger': { paramsTuple?: []; params?: {} }
    'complaints.statistics': { paramsTuple?: []; params?: {} }
    'complaints.create': { paramsTuple?: []; params?: {} }
    'complaints.categories.index': { paramsTuple?: []; params?: {} }
    'complaints.categories.create': { paramsTuple?: []; params?: {} }
    'complaints.categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.index': { paramsTuple?: []; params?: {} }
    'tenant.complaints.create': { paramsTuple?: []; params?: {} }
    'tenant.complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.public.create': { paramsTuple?: []; params?: {} }
    'consultations.public.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.index': { paramsTuple?: []; params?: {} }
    'consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.faq': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.consultations.index': { paramsTuple?: []; params?: {} }
    'tenant.consultations.create': { paramsTuple?: []; params?: {} }
    'tenant.consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.index': { paramsTuple?: []; params?: {} }
    'faq.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.index': { paramsTuple?: []; params?: {} }
    'faq.manage.create': { paramsTuple?: []; params?: {} }
    'faq.manage.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.categories': { paramsTuple?: []; params?: {} }
    'polls.index': { paramsTuple?: []; params?: {} }
    'polls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.manage.index': { paramsTuple?: []; params?: {} }
    'polls.manage.create': { paramsTuple?: []; params?: {} }
    'polls.manage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.index': { paramsTuple?: []; params?: {} }
    'services.create': { paramsTuple?: []; params?: {} }
    'services.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.index': { paramsTuple?: []; params?: {} }
    'service_requests.export': { paramsTuple?: []; params?: {} }
    'service_requests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.index': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.create': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.profile.show': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.create': { paramsTuple: [ParamValue]; params: {'type': ParamValue} }
    'tenant.sw.declarations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.imports.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.imports.template': { paramsTuple: [ParamValue,ParamValue]; params: {'type': ParamValue,'format': ParamValue} }
    'tenant.sw.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.tokens.index': { paramsTuple?: []; params?: {} }
    'sw.declarations.index': { paramsTuple?: []; params?: {} }
    'sw.declarations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'sw.failbox': { paramsTuple?: []; params?: {} }
    'track': { paramsTuple?: []; params?: {} }
    'audits.index': { paramsTuple?: []; params?: {} }
    'audits.create': { paramsTuple?: []; params?: {} }
    'audits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.preparation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.documents.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.clauses.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.photos.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photo': ParamValue} }
    'audits.findings.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.confirmations.index': { paramsTuple?: []; params?: {} }
    'tenant.confirmations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.report_xlsx': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.bundle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.profile.edit': { paramsTuple?: []; params?: {} }
    'park.units.index': { paramsTuple?: []; params?: {} }
    'park.units.create': { paramsTuple?: []; params?: {} }
    'park.units.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.index': { paramsTuple?: []; params?: {} }
    'park.tenants.export': { paramsTuple?: []; params?: {} }
    'park.tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_changes.index': { paramsTuple?: []; params?: {} }
    'park.tenant_changes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.statistics.show': { paramsTuple?: []; params?: {} }
    'park.statistics.workbook': { paramsTuple?: []; params?: {} }
    'park.leases.index': { paramsTuple?: []; params?: {} }
    'park.leases.export': { paramsTuple?: []; params?: {} }
    'park.leases.create': { paramsTuple?: []; params?: {} }
    'park.leases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.renewal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.imports.show': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.imports.template': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.buildings.create': { paramsTuple?: []; params?: {} }
    'park.buildings.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.index': { paramsTuple?: []; params?: {} }
    'park.documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_documents.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.profile.show': { paramsTuple?: []; params?: {} }
    'tenant.profile.edit': { paramsTuple?: []; params?: {} }
    'tenant.documents.index': { paramsTuple?: []; params?: {} }
    'tenant.documents.create': { paramsTuple?: []; params?: {} }
    'tenant.documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'home': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'vendor.chartjs': { paramsTuple?: []; params?: {} }
    'departments.public': { paramsTuple?: []; params?: {} }
    'register.status': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'register.create': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'account.password.edit': { paramsTuple?: []; params?: {} }
    'notifications.index': { paramsTuple?: []; params?: {} }
    'attachments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.index': { paramsTuple?: []; params?: {} }
    'admin.registrations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.index': { paramsTuple?: []; params?: {} }
    'admin.users.create': { paramsTuple?: []; params?: {} }
    'admin.users.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.index': { paramsTuple?: []; params?: {} }
    'admin.departments.create': { paramsTuple?: []; params?: {} }
    'admin.departments.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.audit.index': { paramsTuple?: []; params?: {} }
    'admin.audit.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.calendar.index': { paramsTuple?: []; params?: {} }
    'tenant.members.index': { paramsTuple?: []; params?: {} }
    'tenant.members.create': { paramsTuple?: []; params?: {} }
    'facilities.index': { paramsTuple?: []; params?: {} }
    'facilities.create': { paramsTuple?: []; params?: {} }
    'facilities.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.photo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'bookings.index': { paramsTuple?: []; params?: {} }
    'bookings.list': { paramsTuple?: []; params?: {} }
    'bookings.create': { paramsTuple?: []; params?: {} }
    'bookings.utilisation': { paramsTuple?: []; params?: {} }
    'bookings.utilisation.workbook': { paramsTuple?: []; params?: {} }
    'bookings.series': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.public.new': { paramsTuple?: []; params?: {} }
    'complaints.public.lookup': { paramsTuple?: []; params?: {} }
    'complaints.public.receipt': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaints.index': { paramsTuple?: []; params?: {} }
    'complaints.ledger': { paramsTuple?: []; params?: {} }
    'complaints.statistics': { paramsTuple?: []; params?: {} }
    'complaints.create': { paramsTuple?: []; params?: {} }
    'complaints.categories.index': { paramsTuple?: []; params?: {} }
    'complaints.categories.create': { paramsTuple?: []; params?: {} }
    'complaints.categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.index': { paramsTuple?: []; params?: {} }
    'tenant.complaints.create': { paramsTuple?: []; params?: {} }
    'tenant.complaints.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.public.create': { paramsTuple?: []; params?: {} }
    'consultations.public.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.index': { paramsTuple?: []; params?: {} }
    'consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.faq': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.consultations.index': { paramsTuple?: []; params?: {} }
    'tenant.consultations.create': { paramsTuple?: []; params?: {} }
    'tenant.consultations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.index': { paramsTuple?: []; params?: {} }
    'faq.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.index': { paramsTuple?: []; params?: {} }
    'faq.manage.create': { paramsTuple?: []; params?: {} }
    'faq.manage.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.categories': { paramsTuple?: []; params?: {} }
    'polls.index': { paramsTuple?: []; params?: {} }
    'polls.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.manage.index': { paramsTuple?: []; params?: {} }
    'polls.manage.create': { paramsTuple?: []; params?: {} }
    'polls.manage.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.index': { paramsTuple?: []; params?: {} }
    'services.create': { paramsTuple?: []; params?: {} }
    'services.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.index': { paramsTuple?: []; params?: {} }
    'service_requests.export': { paramsTuple?: []; params?: {} }
    'service_requests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.index': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.create': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.profile.show': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.create': { paramsTuple: [ParamValue]; params: {'type': ParamValue} }
    'tenant.sw.declarations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.imports.index': { paramsTuple?: []; params?: {} }
    'tenant.sw.imports.template': { paramsTuple: [ParamValue,ParamValue]; params: {'type': ParamValue,'format': ParamValue} }
    'tenant.sw.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.tokens.index': { paramsTuple?: []; params?: {} }
    'sw.declarations.index': { paramsTuple?: []; params?: {} }
    'sw.declarations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'sw.failbox': { paramsTuple?: []; params?: {} }
    'track': { paramsTuple?: []; params?: {} }
    'audits.index': { paramsTuple?: []; params?: {} }
    'audits.create': { paramsTuple?: []; params?: {} }
    'audits.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.preparation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.documents.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.clauses.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.photos.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photo': ParamValue} }
    'audits.findings.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.confirmations.index': { paramsTuple?: []; params?: {} }
    'tenant.confirmations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.report_xlsx': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.outputs.bundle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.profile.edit': { paramsTuple?: []; params?: {} }
    'park.units.index': { paramsTuple?: []; params?: {} }
    'park.units.create': { paramsTuple?: []; params?: {} }
    'park.units.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.index': { paramsTuple?: []; params?: {} }
    'park.tenants.export': { paramsTuple?: []; params?: {} }
    'park.tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_changes.index': { paramsTuple?: []; params?: {} }
    'park.tenant_changes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.statistics.show': { paramsTuple?: []; params?: {} }
    'park.statistics.workbook': { paramsTuple?: []; params?: {} }
    'park.leases.index': { paramsTuple?: []; params?: {} }
    'park.leases.export': { paramsTuple?: []; params?: {} }
    'park.leases.create': { paramsTuple?: []; params?: {} }
    'park.leases.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.renewal': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.imports.show': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.imports.template': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.buildings.create': { paramsTuple?: []; params?: {} }
    'park.buildings.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.index': { paramsTuple?: []; params?: {} }
    'park.documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_documents.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.profile.show': { paramsTuple?: []; params?: {} }
    'tenant.profile.edit': { paramsTuple?: []; params?: {} }
    'tenant.documents.index': { paramsTuple?: []; params?: {} }
    'tenant.documents.create': { paramsTuple?: []; params?: {} }
    'tenant.documents.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'locale.update': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'register.store': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'notifications.read_all': { paramsTuple?: []; params?: {} }
    'notifications.open': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.registrations.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.users.store': { paramsTuple?: []; params?: {} }
    'admin.users.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.store': { paramsTuple?: []; params?: {} }
    'admin.calendar.store': { paramsTuple?: []; params?: {} }
    'tenant.members.store': { paramsTuple?: []; params?: {} }
    'tenant.members.toggle': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.store': { paramsTuple?: []; params?: {} }
    'facilities.blocks.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.store': { paramsTuple?: []; params?: {} }
    'bookings.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.check_in': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bookings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.public.store': { paramsTuple?: []; params?: {} }
    'complaints.public.feedback': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'complaints.store': { paramsTuple?: []; params?: {} }
    'complaints.categories.store': { paramsTuple?: []; params?: {} }
    'complaints.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.decline': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.start': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.await': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.reopen': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.callback': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.complaints.store': { paramsTuple?: []; params?: {} }
    'tenant.complaints.feedback': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.public.store': { paramsTuple?: []; params?: {} }
    'consultations.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'consultations.faq.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.consultations.store': { paramsTuple?: []; params?: {} }
    'faq.manage.store': { paramsTuple?: []; params?: {} }
    'faq.manage.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.unpublish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.categories.store': { paramsTuple?: []; params?: {} }
    'polls.opine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'polls.manage.store': { paramsTuple?: []; params?: {} }
    'polls.manage.respond': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.store': { paramsTuple?: []; params?: {} }
    'service_requests.assign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.start': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.note': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.complete': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'service_requests.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.store': { paramsTuple?: []; params?: {} }
    'tenant.service_requests.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.service_requests.reopen': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.profile.update': { paramsTuple?: []; params?: {} }
    'tenant.sw.declarations.store': { paramsTuple: [ParamValue]; params: {'type': ParamValue} }
    'tenant.sw.declarations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.check': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.declarations.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.imports.store': { paramsTuple?: []; params?: {} }
    'tenant.sw.imports.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.sw.tokens.store': { paramsTuple?: []; params?: {} }
    'tenant.sw.tokens.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.tracking.events': { paramsTuple?: []; params?: {} }
    'audits.store': { paramsTuple?: []; params?: {} }
    'audits.evaluators': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.transition': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'audits.documents.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'audits.documents.link': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.documents.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'document': ParamValue} }
    'audits.clauses.verdict': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.observe': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.confirm': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.sample': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.clauses.finding': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'clause': ParamValue} }
    'audits.sample_items.judge': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'item': ParamValue} }
    'audits.findings.close': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'finding': ParamValue} }
    'tenant.confirmations.answer': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.units.store': { paramsTuple?: []; params?: {} }
    'park.tenant_changes.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenant_changes.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.store': { paramsTuple?: []; params?: {} }
    'park.leases.activate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.terminate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.leases.renew': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.imports.store': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'park.buildings.store': { paramsTuple?: []; params?: {} }
    'park.tenant_documents.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.profile.withdraw': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.store': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'account.password.update': { paramsTuple?: []; params?: {} }
    'admin.users.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.departments.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'complaints.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'faq.manage.categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'services.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.profile.update': { paramsTuple?: []; params?: {} }
    'park.units.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.tenants.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.buildings.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.profile.update': { paramsTuple?: []; params?: {} }
    'tenant.documents.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'admin.departments.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.calendar.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'facilities.photo.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'photoId': ParamValue} }
    'facilities.blocks.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'blockId': ParamValue} }
    'park.units.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'park.documents.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenant.documents.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}