/*
|--------------------------------------------------------------------------
| Routes: each feature owns its routes file; this one only imports them.
|--------------------------------------------------------------------------
*/
import '#core/routes'
import '#park/routes'
import '#facilities/routes'
import '#complaints/routes'
import '#service_desk/routes'
import '#single_window/routes'
import '#audits/routes'
import '#audits/output_routes'
