import { passwordWeakness } from './password-strength.js';

describe('passwordWeakness', () => {
  it.each([
    ['password12', 'is a commonly used password'],
    ['1234567890', 'is one of the hundred most used passwords'],
    ['          ', 'repeats the same character'],
    ['qwertyuiop', 'hundred most used'],
    ['aaaaaaaaaa', 'repeats the same character'],
  ])('refuses %j and says why', (password, reason) => {
    expect(passwordWeakness(password)).toContain(reason);
  });

  it.each(['parking-demo-2026', 'correct-horse-battery-staple', 'a-long-enough-password-42', 'bench-password-123'])(
    'accepts %j (demo, test and bench passwords)',
    (password) => {
      expect(passwordWeakness(password)).toBeUndefined();
    },
  );

  it.each(['dana.driver@example.test', 'dana.driver', 'Dana Driver'])("refuses %j, the account's own email address, its local part or the name", (password) => {
    expect(passwordWeakness(password, ['dana.driver@example.test', 'Dana Driver'])).toBeDefined();
  });

  it('names the email or name as the reason when the password is one of them', () => {
    expect(passwordWeakness('dana.driver@example.test', ['dana.driver@example.test', 'Dana Driver'])).toContain('your name or email address');
  });

  it('judges passwords of the longest accepted length', () => {
    expect(passwordWeakness('x7'.repeat(64))).toBeDefined();
    expect(passwordWeakness('the car park by the river opens at seven'.padEnd(128, ' and again'))).toBeUndefined();
  });
});
