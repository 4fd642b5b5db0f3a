import { maskDeep, maskSetting } from './secret-masking.js';

describe('maskSetting', () => {
  it('masks anything named like a secret, password, token or key', () => {
    for (const name of ['JWT_ACCESS_SECRET', 'SMTP_PASSWORD', 'METRICS_TOKEN', 'STRIPE_API_KEY']) expect(maskSetting(name, 'hunter2-hunter2')).toBe('********');
  });

  it('keeps the place of a URL but not the credentials or query in it', () => {
    expect(maskSetting('DATABASE_URL', 'postgres://app:s3cret@db.internal:5432/aiparksit', true)).toBe('postgres://***:***@db.internal:5432/aiparksit');
    expect(maskSetting('SMTP_URL', 'smtps://mailer:pw@smtp.example.com:465', true)).toBe('smtps://***:***@smtp.example.com:465');
    expect(maskSetting('REDIS_URL', 'redis://cache:6379/0?password=x', true)).toBe('redis://cache:6379/0?***');
    expect(maskSetting('PUBLIC_URL', 'https://parking.example.com')).toBe('https://parking.example.com/');
  });

  it('masks a sensitive setting that is not a URL, and leaves plain settings and unset ones alone', () => {
    expect(maskSetting('SOME_DSN', 'host=db password=x', true)).toBe('********');
    expect(maskSetting('PORT', 3005)).toBe(3005);
    expect(maskSetting('THROTTLE_API_KEY_LIMIT', 600)).toBe(600);
    expect(maskSetting('JWT_ACCESS_SECRET', undefined)).toBeNull();
  });
});

describe('maskDeep', () => {
  it('masks secret-named fields and URL credentials anywhere in a structure', () => {
    const masked = maskDeep({ a: { apiKey: 'abc', note: 'failed to reach postgres://u:p@db/x' }, list: [{ token: 't' }], n: 1 });
    expect(masked).toEqual({ a: { apiKey: '********', note: 'failed to reach postgres://***:***@db/x' }, list: [{ token: '********' }], n: 1 });
  });
});
