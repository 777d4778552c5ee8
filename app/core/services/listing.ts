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
 *
 * The page's ids are found first, on the sort and filter columns alone (an index can cover them,
 * and a deep page skips ids, not whole rows), then only those rows are read, with the query's
 * preloads. Page 200 of a filtered register costs about what page 1 does.
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
  const id = `${query.model.table}.id`
  const ids = await query
    .clone()
    .clearSelect()
    .select(id)
    .orderBy(sort, order)
    .orderBy(id, order)
    .pojo<{ id: number }>()
    .paginate(params.page ?? 1, PER_PAGE)
  const pageIds = ids.all().map((row) => row.id)
  const rows = pageIds.length
    ? await query.whereIn(id, pageIds).orderBy(sort, order).orderBy(id, order)
    : []
  return { rows, meta: ids.getMeta(), sort, order }
}
