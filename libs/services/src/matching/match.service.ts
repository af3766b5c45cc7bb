import { DataSource } from 'typeorm';
import { SourceRecordInput } from '@concord/domain';
import {
  blockingKeys,
  matchGrade,
  MatchGrade,
  MatchModel,
  PairScore,
  scoreAgainstPerson,
  standardise,
} from '@concord/matching';
import { PersonEntity, preparedQuery } from '@concord/persistence';
import { auditInsertSql, AuditActor } from '../audit/audit-log';
import { invalid } from '../errors/service-error';
import { findCandidatePersons, findPersonsByFamilyName } from '../registration/candidates';
import { normaliseRecordInput } from '../registration/record-input';

export interface MatchCandidate {
  personId: string;
  /** Match weight in bits. */
  score: number;
  matchProbability: number;
  grade: MatchGrade;
  /** Why: the prior, each field's comparison level and weight, and the safety rules that fired. */
  explanation: {
    prior: number;
    comparisons: PairScore['comparisons'];
    rules: PairScore['rules'];
    decision: PairScore['decision'];
    modelVersion: string;
  };
  person: PersonEntity;
}

/** "Who is this?" for demographics only: ranks candidate persons and writes nothing but the access audit. */
export class MatchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly model: () => MatchModel,
  ) {}

  async match(
    input: SourceRecordInput,
    options: { count?: number; onlyCertain?: boolean; search?: boolean },
    actor: AuditActor,
  ): Promise<MatchCandidate[]> {
    const count = options.count ?? 10;
    if (!Number.isInteger(count) || count < 1 || count > 100)
      throw invalid('count', 'must be a whole number from 1 to 100');
    const { demographics } = normaliseRecordInput({ localId: 'match', ...input });
    if (Object.keys(demographics).length === 0)
      throw invalid('record', 'give at least one demographic field');
    const model = this.model();
    const record = standardise(demographics);
    const candidates = await findCandidatePersons(this.dataSource.manager, blockingKeys(record, model));
    if (options.search && record.familyName) {
      // A steward's search may lack the date of birth (or give an impossible one) that most
      // blocking keys need: persons holding a record with the same family name (indexed)
      // are candidates too, and every candidate is ranked, not only those in the link or
      // review band.
      const known = new Set(candidates.map((c) => c.personId));
      for (const c of await findPersonsByFamilyName(this.dataSource.manager, record.familyName))
        if (!known.has(c.personId)) candidates.push(c);
    }
    const scored = candidates
      .map((c) => ({
        personId: c.personId,
        score: scoreAgainstPerson(
          record,
          c.records.map((r) => r.standardised),
          model,
        ),
      }))
      .filter((c) => options.search || c.score.decision !== 'non-link')
      .map((c) => ({ ...c, grade: matchGrade(c.score, model) }))
      .filter((c) => !options.onlyCertain || c.grade === 'certain')
      .sort((a, b) => b.score.weight - a.score.weight)
      .slice(0, count);
    // The access audit and the candidates' persons in one statement (a data-modifying CTE,
    // committed on its own): one round trip, and the event is written before the answer leaves.
    const params: unknown[] = [scored.map((c) => c.personId)];
    const audit = auditInsertSql(
      actor,
      [
        {
          action: 'match.candidates-shown',
          personIds: scored.map((c) => c.personId),
          after: {
            candidates: scored.map((c) => ({
              personId: c.personId,
              probability: c.score.probability,
              grade: c.grade,
            })),
          },
          modelVersion: model.version,
        },
      ],
      params,
    );
    const rows: PersonRow[] = await preparedQuery(
      this.dataSource.manager,
      `WITH audited AS (${audit})
       SELECT id, status, successor_id, golden, version, created_at, updated_at
         FROM person WHERE id = ANY($1::uuid[])`,
      params,
    );
    const persons = rows.map(personOf);
    if (scored.length === 0) return [];
    const byId = new Map(persons.map((p) => [p.id, p]));
    return scored.flatMap((c) => {
      const person = byId.get(c.personId);
      if (!person) return [];
      return [
        {
          personId: c.personId,
          score: Math.round(c.score.weight * 1000) / 1000,
          matchProbability: c.score.probability,
          grade: c.grade,
          explanation: {
            prior: c.score.prior,
            comparisons: c.score.comparisons,
            rules: c.score.rules,
            decision: c.score.decision,
            modelVersion: c.score.modelVersion,
          },
          person,
        },
      ];
    });
  }
}

interface PersonRow {
  id: string;
  status: PersonEntity['status'];
  successor_id: string | null;
  golden: PersonEntity['golden'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A person as the repository would load it (raw rows: no query building or hydration per request). */
function personOf(row: PersonRow): PersonEntity {
  return Object.assign(new PersonEntity(), {
    id: row.id,
    status: row.status,
    successorId: row.successor_id,
    golden: row.golden,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
