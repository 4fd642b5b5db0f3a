import type { Role } from '@aiparksit/shared';

/** One signed-in account per role, printed by `npm start`; the password is public by design. */
export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

export const DEMO_PASSWORD = 'parking-demo-2026';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'driver', email: 'driver@demo.aiparksit.test', name: 'Dana Driver', password: DEMO_PASSWORD },
  { role: 'operator', email: 'operator@demo.aiparksit.test', name: 'Olek Operator', password: DEMO_PASSWORD },
  { role: 'investor', email: 'investor@demo.aiparksit.test', name: 'Ines Investor', password: DEMO_PASSWORD },
  { role: 'admin', email: 'admin@demo.aiparksit.test', name: 'Ada Admin', password: DEMO_PASSWORD },
];
