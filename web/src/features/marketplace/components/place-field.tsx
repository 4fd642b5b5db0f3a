import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Suggestion } from '@aiparksit/shared';
import { SUGGESTION_MIN_CHARS, useSuggestions } from '../api/suggestions';

export type PlaceChoice = Suggestion;

/** Typing pauses this long before suggestions are asked for: one request per pause, not per key. */
export const SUGGESTION_DEBOUNCE_MS = 250;

const KIND_LABELS: Record<Suggestion['kind'], string> = { city: 'City', facility: 'Car park', address: 'Address' };

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * "Where": free text (a city by any of its names), with suggestions as you type, following the
 * WAI-ARIA combobox pattern (list autocomplete): arrows move through the list, Enter takes the
 * highlighted suggestion (or submits the form when none is), Escape closes the list and a second
 * Escape clears the field; a click or tap takes a suggestion too.
 */
export function PlaceField({
  id,
  value,
  onChange,
  onChoose,
}: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onChoose: (choice: PlaceChoice, input: HTMLInputElement) => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const debounced = useDebouncedValue(value, SUGGESTION_DEBOUNCE_MS);
  const suggestions = useSuggestions(debounced);
  const typedEnough = value.trim().length >= SUGGESTION_MIN_CHARS;
  const items = typedEnough ? (suggestions.data?.suggestions ?? []) : [];
  const expanded = open && items.length > 0;
  const listId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-option-${index}`;

  // The highlight belongs to one list: a new list highlights nothing, so Enter then submits what was typed.
  const [highlight, setHighlight] = useState<{ list: unknown; index: number }>({ list: undefined, index: -1 });
  const active = highlight.list === suggestions.data ? highlight.index : -1;
  const setActive = (next: number | ((current: number) => number)) =>
    setHighlight((current) => {
      const from = current.list === suggestions.data ? current.index : -1;
      return { list: suggestions.data, index: typeof next === 'function' ? next(from) : next };
    });

  function choose(choice: Suggestion) {
    setOpen(false);
    setActive(-1);
    if (inputRef.current) onChoose(choice, inputRef.current);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!items.length) return;
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : items.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Past either end comes back to the typed text (nothing highlighted), as in the ARIA example.
      setActive((current) => {
        const next = current + step;
        return next >= items.length ? -1 : next < -1 ? items.length - 1 : next;
      });
    } else if (event.key === 'Enter' && expanded && active >= 0 && items[active]) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        onChange('');
      }
    }
  }

  return (
    <div className="field place-field">
      <label htmlFor={id}>Where</label>
      <input
        ref={inputRef}
        id={id}
        name="place"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder="City, car park or address"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        // Closing on blur waits for a click on an option to land first (options keep focus off themselves).
        onBlur={() => setOpen(false)}
      />
      <p id={`${id}-hint`} className="field__hint visually-hidden">
        Suggestions appear as you type; use the arrow keys to move through them and Enter to choose.
      </p>
      <ul id={listId} role="listbox" aria-label="Suggestions" className="place-field__list" hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'place-field__option place-field__option--active' : 'place-field__option'}
            data-suggestion-kind={item.kind}
            // mousedown, not click: the input keeps focus, so blur does not close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
            onMouseEnter={() => setActive(index)}
          >
            <span className="place-field__label">{item.label}</span>
            <span className="place-field__secondary">
              {KIND_LABELS[item.kind]} · {item.secondary}
            </span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {expanded ? `${items.length} suggestion${items.length === 1 ? '' : 's'}` : ''}
      </p>
    </div>
  );
}
