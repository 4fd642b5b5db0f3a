export const bookingKeys = {
  all: ['bookings'] as const,
  list: () => ['bookings', 'list'] as const,
  detail: (id: string) => ['bookings', id] as const,
};
