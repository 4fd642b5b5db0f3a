import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. Below that a password is
 * found by an online attack or a cheap offline one (lists of leaked passwords, keyboard walks,
 * repeats, dates), which is what NIST SP 800-63B 5.1.1.2 asks us to refuse. The estimator
 * ships its dictionaries in the npm packages and runs offline.
 */
const MINIMUM_SCORE = 3;

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** zxcvbn's warning keys, said in words a person can act on. */
const REASON_OF_WARNING: Record<string, string> = {
  straightRow: 'is a row of keys on the keyboard',
  keyPattern: 'is a short pattern on the keyboard',
  simpleRepeat: 'repeats the same character',
  extendedRepeat: 'repeats the same few characters',
  sequences: 'is a common sequence such as 1234 or abcd',
  recentYears: 'relies on a recent year',
  dates: 'relies on a date',
  topTen: 'is one of the ten most used passwords',
  topHundred: 'is one of the hundred most used passwords',
  common: 'is a commonly used password',
  similarToCommon: 'is too close to a commonly used password',
  wordByItself: 'is a single common word',
  namesByThemselves: 'is made of names alone',
  commonNames: 'is made of common names',
  userInputs: 'contains your name or email address',
  pwned: 'has appeared in a data breach',
};

/**
 * Why `password` is too easy to guess, as the end of a sentence starting with "password", or
 * undefined when it is strong enough. `userInputs` (the account's email and name) count as known
 * to an attacker.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | undefined {
  const result = estimator.check(password, knownWords(userInputs));
  if (result.score >= MINIMUM_SCORE) return undefined;
  const reason = (result.feedback.warning && REASON_OF_WARNING[result.feedback.warning]) ?? 'is too easy to guess';
  return `${reason}; add a few uncommon words`;
}

/** Each input whole, an email's local part, and their words: "dana.driver@x.test" → dana, driver. */
function knownWords(userInputs: string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const lowered = input.toLowerCase();
    words.add(lowered);
    const localPart = lowered.split('@')[0]!;
    words.add(localPart);
    for (const word of localPart.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
  }
  words.delete('');
  return [...words];
}
