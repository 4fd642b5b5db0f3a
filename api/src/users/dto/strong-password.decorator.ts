import { registerDecorator, type ValidationArguments } from 'class-validator';
import { passwordWeakness } from '../../access/index.js';

/**
 * Refuses passwords that are easy to guess (see `passwordWeakness`), judged with the object's
 * `email` and `name` as known to an attacker. The 400 names `password` and says why.
 */
export const StrongPassword = (): PropertyDecorator => (target, propertyName) => {
  registerDecorator({
    name: 'strongPassword',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate(value: unknown, args: ValidationArguments): boolean {
        return typeof value !== 'string' || passwordWeakness(value, userInputsOf(args.object)) === undefined;
      },
      defaultMessage(args: ValidationArguments): string {
        const weakness = typeof args.value === 'string' ? passwordWeakness(args.value, userInputsOf(args.object)) : undefined;
        return `${args.property} ${weakness ?? 'is too easy to guess'}`;
      },
    },
  });
};

function userInputsOf(object: object): string[] {
  const { email, name } = object as { email?: unknown; name?: unknown };
  return [email, name].filter((input): input is string => typeof input === 'string');
}
