import { parseStubStatus, ratePerMinute } from './stub-status.js';

describe('parseStubStatus', () => {
  it("reads nginx's stub_status text", () => {
    const text = 'Active connections: 291 \nserver accepts handled requests\n 16630948 16630948 31070465 \nReading: 6 Writing: 179 Waiting: 106 \n';
    expect(parseStubStatus(text)).toEqual({
      activeConnections: 291,
      accepts: 16630948,
      handled: 16630948,
      requests: 31070465,
      reading: 6,
      writing: 179,
      waiting: 106,
    });
  });

  it('refuses anything else', () => {
    expect(parseStubStatus('<html><body>403 Forbidden</body></html>')).toBeUndefined();
    expect(parseStubStatus('Active connections: 1\n')).toBeUndefined();
  });
});

describe('ratePerMinute', () => {
  it('turns two samples of a counter into a rate per minute', () => {
    expect(ratePerMinute({ value: 100, at: 0 }, { value: 150, at: 30_000 })).toBe(100);
  });

  it('is null without an earlier sample, too close to tell, or after a restart', () => {
    expect(ratePerMinute(undefined, { value: 1, at: 0 })).toBeNull();
    expect(ratePerMinute({ value: 1, at: 0 }, { value: 5, at: 100 })).toBeNull();
    expect(ratePerMinute({ value: 500, at: 0 }, { value: 5, at: 10_000 })).toBeNull();
  });
});
