/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for the /metrics tests: every
 * line must be a HELP, a TYPE or a sample of a declared family, and each histogram's buckets
 * must be cumulative, end in +Inf and agree with its _count.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const VALUE = '(?:[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?Inf|NaN)';
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(\\{(?:${LABEL}=${LABEL_VALUE}(?:,${LABEL}=${LABEL_VALUE})*,?)?\\})? (${VALUE})(?: (-?\\d+))?$`);
const LABEL_PAIR = new RegExp(`(${LABEL})=(${LABEL_VALUE})`, 'g');

function parseValue(text: string): number {
  if (/^\+?Inf$/.test(text)) return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const type = types.get(base);
      if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return base;
    }
  }
  return undefined;
}

export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const where = `line ${index + 1}: ${JSON.stringify(line)}`;
    // The format ignores empty lines (prom-client puts one between families).
    if (line === '') return;
    if (line.startsWith('#')) {
      const type = TYPE_LINE.exec(line);
      if (type) {
        if (types.has(type[1]!)) throw new Error(`${where}: a second TYPE for ${type[1]}`);
        types.set(type[1]!, type[2]!);
        return;
      }
      if (HELP_LINE.test(line)) return;
      throw new Error(`${where}: a comment that is neither HELP nor TYPE`);
    }
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`${where}: not a sample line`);
    const name = sample[1]!;
    if (!familyOf(name, types)) throw new Error(`${where}: sample of ${name} before its TYPE`);
    const labels: Record<string, string> = {};
    for (const [, label, quoted] of (sample[2] ?? '').matchAll(LABEL_PAIR)) {
      if (label! in labels) throw new Error(`${where}: label ${label} twice`);
      labels[label!] = JSON.parse(quoted!) as string;
    }
    samples.push({ name, labels, value: parseValue(sample[3]!) });
  });
  checkHistograms(types, samples);
  return { types, samples };
}

function checkHistograms(types: Map<string, string>, samples: Sample[]): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const series = new Map<string, { buckets: Array<{ le: number; count: number }>; count?: number }>();
    const keyOf = (labels: Record<string, string>) =>
      JSON.stringify(
        Object.entries(labels)
          .filter(([k]) => k !== 'le')
          .sort(),
      );
    for (const s of samples) {
      if (s.name === `${family}_bucket`) {
        if (s.labels['le'] === undefined) throw new Error(`${family}_bucket without le`);
        const entry = series.get(keyOf(s.labels)) ?? { buckets: [] };
        entry.buckets.push({ le: parseValue(s.labels['le']), count: s.value });
        series.set(keyOf(s.labels), entry);
      } else if (s.name === `${family}_count`) {
        const entry = series.get(keyOf(s.labels)) ?? { buckets: [] };
        entry.count = s.value;
        series.set(keyOf(s.labels), entry);
      }
    }
    for (const [key, { buckets, count }] of series) {
      for (let i = 1; i < buckets.length; i++) {
        if (!(buckets[i]!.le > buckets[i - 1]!.le)) throw new Error(`${family}${key}: bucket bounds not ascending`);
        if (buckets[i]!.count < buckets[i - 1]!.count) throw new Error(`${family}${key}: bucket counts not cumulative`);
      }
      if (buckets.at(-1)?.le !== Infinity) throw new Error(`${family}${key}: no +Inf bucket`);
      if (buckets.at(-1)!.count !== count) throw new Error(`${family}${key}: +Inf bucket ${buckets.at(-1)!.count} ≠ _count ${count}`);
    }
  }
}
