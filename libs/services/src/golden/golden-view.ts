import type { GoldenView } from '@concord/persistence';
import type { NhsNumberStatus, SourceRecordInput } from '@concord/domain';

export interface GoldenSource {
  raw: SourceRecordInput;
  /** The record's source system (trusted systems may win; see SurvivorshipPolicy). */
  sourceSystem?: string;
  nhsNumber: string | null;
  nhsNumberStatus: NhsNumberStatus;
  dateOfBirth: string | null;
  flags: string[];
  updatedAt: Date;
}

/** How a field's value is chosen among a person's linked records. */
export type SurvivorshipChoice = 'most-frequent' | 'most-recent';

export interface SurvivorshipPolicy {
  /** `most-frequent` (ties to the most recent record) or `most-recent`. */
  choose: SurvivorshipChoice;
  /**
   * Source systems in order of trust (e.g. the PAS before RIS and PACS): a value held by a
   * more trusted system wins whatever the frequency or age; unlisted systems rank after.
   */
  sourceOrder: string[];
}

export const DEFAULT_SURVIVORSHIP: SurvivorshipPolicy = { choose: 'most-frequent', sourceOrder: [] };

/**
 * The policy of this process, set once at start-up from its configuration (the API's
 * EMPI_SURVIVORSHIP*, the CLI the same variables). Every replica must be given the same
 * settings; the policy each golden view was made under is recorded in it.
 */
let configured: SurvivorshipPolicy = DEFAULT_SURVIVORSHIP;

export function configureSurvivorship(policy: SurvivorshipPolicy): void {
  configured = { choose: policy.choose, sourceOrder: [...policy.sourceOrder] };
}

export function currentSurvivorship(): SurvivorshipPolicy {
  return configured;
}

/** The policy as recorded in a golden view, e.g. `most-frequent` or `most-recent; trust PAS > RIS`. */
export function survivorshipLabel(policy: SurvivorshipPolicy): string {
  return policy.sourceOrder.length === 0
    ? policy.choose
    : `${policy.choose}; trust ${policy.sourceOrder.join(' > ')}`;
}

/** Flags that mark a date of birth as a default typed in for want of the real one. */
const DEFAULTED_DOB = ['dob-default-jan1', 'dob-default-1900'];

/**
 * Survivorship rules (applied on every change to a person, and recorded in the view):
 * - NHS number: only a valid one;
 * - date of birth: defaulted dates (1 January, 1900-01-01) only when no record has another;
 * - then, for every field, values from the most trusted source system holding one (when
 *   the policy lists systems), and among those the most frequent value (ties to the most
 *   recent record) or the most recent one, as the policy says.
 */
export function goldenView(records: GoldenSource[], policy: SurvivorshipPolicy = configured): GoldenView {
  const recent = [...records].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const trust = (r: GoldenSource): number => {
    const at = r.sourceSystem === undefined ? -1 : policy.sourceOrder.indexOf(r.sourceSystem);
    return at < 0 ? policy.sourceOrder.length : at;
  };
  const pick = (value: (r: GoldenSource) => string | null | undefined, from = recent): string | null => {
    const holding = from.filter((r) => value(r));
    if (holding.length === 0) return null;
    const best = Math.min(...holding.map(trust));
    const trusted = holding.filter((r) => trust(r) === best);
    if (policy.choose === 'most-recent') return value(trusted[0]) as string;
    const counts = new Map<string, number>();
    for (const r of trusted) {
      const v = value(r) as string;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let chosen: string | null = null;
    let chosenCount = 0;
    // `recent` is newest first and Map keeps first-seen order, so ties go to the most recent.
    for (const [v, count] of counts) {
      if (count > chosenCount) {
        chosen = v;
        chosenCount = count;
      }
    }
    return chosen;
  };
  const realDob = recent.filter((r) => !r.flags.some((f) => DEFAULTED_DOB.includes(f)));
  return {
    nhsNumber: pick((r) => (r.nhsNumberStatus === 'valid' ? r.nhsNumber : null)),
    familyName: pick((r) => r.raw.familyName?.toUpperCase()),
    givenName: pick((r) => r.raw.givenName),
    dateOfBirth: pick((r) => r.dateOfBirth, realDob) ?? pick((r) => r.dateOfBirth),
    sex: pick((r) => r.raw.sex),
    postcode: pick((r) => r.raw.postcode?.toUpperCase()),
    survivorship: survivorshipLabel(policy),
  };
}

/**
 * The policy from EMPI_SURVIVORSHIP (`most-frequent` | `most-recent`) and
 * EMPI_SURVIVORSHIP_SOURCES (comma-separated systems, most trusted first); each problem
 * found is pushed to `problems`, naming its variable.
 */
export function survivorshipFromEnv(env: NodeJS.ProcessEnv, problems: string[]): SurvivorshipPolicy {
  const choose = env['EMPI_SURVIVORSHIP'] || DEFAULT_SURVIVORSHIP.choose;
  if (choose !== 'most-frequent' && choose !== 'most-recent')
    problems.push(`EMPI_SURVIVORSHIP must be most-frequent or most-recent (got "${choose}")`);
  const sourceOrder = (env['EMPI_SURVIVORSHIP_SOURCES'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const repeated = sourceOrder.filter((s, i) => sourceOrder.indexOf(s) !== i);
  if (repeated.length > 0)
    problems.push(`EMPI_SURVIVORSHIP_SOURCES names ${repeated.join(', ')} more than once`);
  return {
    choose: choose === 'most-recent' ? 'most-recent' : 'most-frequent',
    sourceOrder,
  };
}
