/** Operators: onboarding applications and their review, the operator dashboard. */
export { OperatorsModule } from './operators.module.js';
export { OperatorsService } from './operators.service.js';
export { OperatorsException, type OperatorsErrorCode } from './operators.exception.js';
