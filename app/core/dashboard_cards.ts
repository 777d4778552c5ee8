import type User from '#core/models/user'

/**
 * What feature modules add to a tenant user's dashboard. Core knows no feature: each module
 * registers a named provider (from its routes file), and the dashboard hands every provider the
 * signed-in user; a provider must scope what it returns to that user's own tenant.
 */
export type TenantCardProvider = (user: User) => Promise<unknown>

const providers = new Map<string, TenantCardProvider>()

export function registerTenantCard(name: string, provider: TenantCardProvider) {
  providers.set(name, provider)
}

/** Every registered card's data for this user, by name. */
export async function tenantCards(user: User) {
  const entries = await Promise.all(
    [...providers].map(async ([name, provider]) => [name, await provider(user)] as const)
  )
  return Object.fromEntries(entries)
}
