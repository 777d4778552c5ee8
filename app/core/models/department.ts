import { DepartmentSchema } from '#database/schema'

/** A department of the park operator; GB/T 39678 5.1.2 asks that its responsibilities be public. */
export default class Department extends DepartmentSchema {}
