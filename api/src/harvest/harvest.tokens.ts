/** Injection tokens of the harvest module. */
export const HARVEST_POLICY = Symbol('HARVEST_POLICY');
export const HARVEST_STORE = Symbol('HARVEST_STORE');
/** Milliseconds since the epoch; tests move it by hand. */
export const HARVEST_CLOCK = Symbol('HARVEST_CLOCK');
