import type { ServiceState } from '@aiparksit/shared';
import { STATE_WORDS } from '../api/format';

const SYMBOLS: Record<ServiceState, string> = { running: '●', degraded: '▲', down: '✕' };

/** A service's state as a word, a symbol and a colour: the word alone carries it. */
export function StateBadge({ state, label }: { state: ServiceState; label?: string }) {
  return (
    <span className={`state-badge state-badge--${state}`} data-state={state}>
      <span aria-hidden="true">{SYMBOLS[state]} </span>
      {label ? `${label}: ` : ''}
      {STATE_WORDS[state]}
    </span>
  );
}
