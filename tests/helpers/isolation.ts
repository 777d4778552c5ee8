import type { ApiClient } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import type User from '#core/models/user'

/** What one visitor should get: a status code, or 'login' for a redirect to the login page. */
export type Outcome = number | 'login'

export interface AccessCase {
  method?: 'get' | 'post' | 'put' | 'delete'
  url: string
  form?: Record<string, unknown>
  owner: { user: User; expect: Outcome }
  otherTenant: { user: User; expect: Outcome }
  operator: { user: User; expect: Outcome }
  anonymous: Outcome
}

/**
 * Runs one route as the owning tenant, another tenant, an operator and an anonymous visitor
 * and asserts who gets what. Every tenant-owned route is tested through this helper.
 */
export async function assertAccess(client: ApiClient, assert: Assert, access: AccessCase) {
  const method = access.method ?? 'get'
  const send = (user?: User) => {
    let request = client[method](access.url).redirects(0).withCsrfToken()
    if (access.form) request = request.form(access.form)
    if (user) request = request.loginAs(user)
    return request
  }
  const check = async (label: string, outcome: Outcome, user?: User) => {
    const response = await send(user)
    if (outcome === 'login') {
      assert.equal(response.status(), 302, `${label}: expected a redirect to /login`)
      assert.equal(response.header('location'), '/login', `${label}: expected a redirect to /login`)
    } else {
      assert.equal(response.status(), outcome, `${label}: ${method.toUpperCase()} ${access.url}`)
    }
    return response
  }
  return {
    owner: await check('owner', access.owner.expect, access.owner.user),
    otherTenant: await check('other tenant', access.otherTenant.expect, access.otherTenant.user),
    operator: await check('operator', access.operator.expect, access.operator.user),
    anonymous: await check('anonymous', access.anonymous),
  }
}
