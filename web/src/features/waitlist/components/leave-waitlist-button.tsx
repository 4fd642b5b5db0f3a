import { useState } from 'react';
import type { WaitlistEntryView } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { describeError } from '../../../lib/api-error';
import { ordinal } from '../../../shared/waitlist';
import { useLeaveWaitlist } from '../api/leave-waitlist';

/** Leave the line, with a confirmation step that says what is given up, as cancelling a booking has. */
export function LeaveWaitlistButton({ entry }: { entry: WaitlistEntryView }) {
  const leave = useLeaveWaitlist();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="cancel">
      <FormAlert message={leave.isError ? describeError(leave.error) : null} />
      {confirming ? (
        <div className="cancel__confirm" role="group" aria-label="Confirm leaving the waitlist">
          <p>
            Leave the waitlist for {entry.facility.name}?{' '}
            {entry.position !== null ? `You give up your place (${ordinal(entry.position)} in line).` : 'You give up your place in line.'}
          </p>
          <button type="button" className="button button--danger" onClick={() => leave.mutate(entry.id)} disabled={leave.isPending} autoFocus>
            {leave.isPending ? 'Leaving…' : 'Yes, leave the waitlist'}
          </button>{' '}
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)} disabled={leave.isPending}>
            Stay in line
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Leave
        </button>
      )}
    </div>
  );
}
