export { UsersModule } from './users.module.js';
export { UsersService, type NewAccount, type RegistrationOutcome } from './users.service.js';
export { UsersException } from './users.exception.js';
export { toUserView, type UserRecord } from './user.record.js';
export { UserViewDto } from './dto/user-view.dto.js';
export { AccountFieldsDto } from './dto/account-fields.dto.js';
export { Trim, AccountEmail, EMAIL_MAX_LENGTH } from './dto/credentials.fields.js';
export { StrongPassword } from './dto/strong-password.decorator.js';
