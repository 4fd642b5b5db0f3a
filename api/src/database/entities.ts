/**
 * Every TypeORM entity, listed by hand (no globs: the build and the runtime see the same list).
 * Entities are for simple CRUD; queries that matter are written as SQL in repositories.
 */
export const entities: (new (...args: never[]) => object)[] = [];
