export { UsersModule } from './users.module.js';
export { UsersService, type NewAccount, type RegistrationOutcome } from './users.service.js';
export { UsersException } from './users.exception.js';
export { toUserView, type UserRecord } from './user.record.js';
