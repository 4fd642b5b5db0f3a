export const waitlistKeys = {
  all: ['waitlist'] as const,
  /** The driver's own entries (GET /api/waitlist): what joining, leaving and paying an offer change. */
  list: () => ['waitlist', 'list'] as const,
  detail: (id: string) => ['waitlist', id] as const,
};
