import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

export const PER_PAGE = 20

export interface ListParams {
  page?: number
  sort?: string
  order?: 'asc' | 'desc'
}

/**
 * Server-side sorting and pagination for every list page. Only whitelisted columns sort,
 * so a crafted ?sort= can never reach SQL.
 */
export async function paginate<M extends LucidModel>(
  query: ModelQueryBuilderContract<M>,
  params: ListParams,
  sortable: string[],
  defaultSort: string,
  defaultOrder: 'asc' | 'desc' = 'desc'
) {
  const sort = params.sort && sortable.includes(params.sort) ? params.sort : defaultSort
  const order = params.order ?? (params.sort ? 'asc' : defaultOrder)
  const result = await query
    .orderBy(sort, order)
    .orderBy('id', order)
    .paginate(params.page ?? 1, PER_PAGE)
  return { rows: result.all(), meta: result.getMeta(), sort, order }
}
