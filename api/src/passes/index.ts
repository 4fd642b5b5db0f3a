/** Monthly passes: operators sell a limited number per facility and space type; each holds a space for its month through an ordinary booking. */
export { PassesModule } from './passes.module.js';
