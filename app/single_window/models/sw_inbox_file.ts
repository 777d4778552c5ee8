import { SwInboxFileSchema } from '#database/schema'

/** One receipt file read from the InBox: archived after it was applied, or in the FailBox. */
export default class SwInboxFile extends SwInboxFileSchema {
  declare state: 'archived' | 'failed'
}
