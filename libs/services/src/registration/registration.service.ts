import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { classifyNhsNumber, SourceRecordInput } from '@concord/domain';
import {
  blockingKeys,
  MatchModel,
  PairScore,
  scoreAgainstPerson,
  standardise,
  StandardRecord,
} from '@concord/matching';
import { LinkEntity, PersonEntity, SourceRecordEntity } from '@concord/persistence';
import { appendAudit, AuditActor, toAuditActor } from '../audit/audit-log';
import { appendChangeEvents, NewChangeEvent } from '../events/change-events';
import { refreshGolden, storeRecordUpdate } from './person-writes';
import { goldenView } from '../golden/golden-view';
import { KnownRegistration, lookUpRegistration } from './registration-lookup';
import { writePlacement } from './placement-write';
import {
  Answer,
  auditAfter,
  linkPayload,
  RegistrationDecision,
  RegistrationResult,
  roundWeight,
  tasksFor,
  unchangedResult,
} from './registration-outcome';
import { normaliseRecordInput } from './record-input';
import { keptApartFrom } from '../steward/kept-apart';
import { closeTraceTask, explanationOf, openTasks, ScoredCandidate } from '../steward/task-opening';
import { lockActivePerson, lockPersonForLink } from '../steward/person-locks';
import { TermFrequencyStore } from '../frequencies/term-frequency-store';
import { inTransaction } from '../errors/transactions';

export type { RegistrationDecision, RegistrationResult } from './registration-outcome';

type Best = ScoredCandidate;

/**
 * Registers or updates one source record: standardise, fetch candidate persons by blocking
 * key, score, decide, and write record, link, review task and change events in one
 * transaction. Used by the REST API, the bulk import and the demo seed alike.
 */
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly model: () => MatchModel,
    /** Term frequencies learned from the loaded data (none: no adjustment). */
    private readonly frequencies: TermFrequencyStore | null = null,
  ) {}

  async register(input: SourceRecordInput, by: string | AuditActor): Promise<RegistrationResult> {
    const auditActor = toAuditActor(by);
    const actor = auditActor.name;
    const normalised = normaliseRecordInput(input);
    const model = this.model();
    const standardised = standardise(normalised.demographics);
    const keys = blockingKeys(standardised, model);
    const identityKey = `registration:${JSON.stringify([normalised.sourceSystem, normalised.localId])}`;
    const wanted = this.frequencies ? this.frequencies.wanted(standardised) : { fields: [], values: [] };
    return inTransaction(this.dataSource, async (manager) => {
      // One round trip: the keys locked, then the registration already held, the candidates
      // and the frequencies read.
      const lookup = await lookUpRegistration(manager, {
        lockKeys: [identityKey, ...keys],
        sourceSystem: normalised.sourceSystem,
        localId: normalised.localId,
        keys,
        frequencyFields: wanted.fields,
        frequencyValues: wanted.values,
      });
      const known = lookup.known;
      if (known && known.contentHash === normalised.contentHash) return unchangedResult(known);
      const nhs = classifyNhsNumber(normalised.demographics.nhsNumber);
      const values = {
        raw: normalised.demographics,
        standardised: standardised as object,
        nhsNumber: nhs.digits || null,
        nhsNumberStatus: nhs.status,
        searchFamilyName: standardised.familyName,
        dateOfBirth: standardised.dob
          ? `${standardised.dob.slice(0, 4)}-${standardised.dob.slice(4, 6)}-${standardised.dob.slice(6, 8)}`
          : null,
        flags: standardised.flags,
        contentHash: normalised.contentHash,
      };
      const now = new Date();
      const record = manager.getRepository(SourceRecordEntity).create({
        id: known?.id ?? randomUUID(),
        sourceSystem: normalised.sourceSystem,
        localId: normalised.localId,
        version: known ? known.version + 1 : 1,
        ...values,
        createdAt: known?.createdAt ?? now,
        updatedAt: now,
      });
      // A steward's "not the same person" (still holding: neither record changed materially).
      const keptApart = known
        ? await keptApartFrom(manager, { id: record.id, standardised })
        : new Set<string>();
      const termFrequencies =
        lookup.candidates.length > 0 && this.frequencies
          ? this.frequencies.fromRows(lookup.frequencyRows)
          : undefined;
      const scored: ScoredCandidate[] = lookup.candidates.map((candidate) => ({
        ...candidate,
        score: scoreAgainstPerson(
          standardised,
          candidate.records.map((r) => r.standardised),
          model,
          { keptApart: candidate.records.some((r) => keptApart.has(r.recordId)), termFrequencies },
        ),
      }));
      let best: Best | null = null;
      for (const candidate of scored)
        if (!best || candidate.score.weight > best.score.weight) best = candidate;
      if (!known)
        return this.placeNew(manager, record, keys, standardised, scored, best, auditActor, model.version);
      await storeRecordUpdate(manager, record, keys, actor);
      const previous = known.link?.personId ?? null;
      if (!known.link) throw new Error(`record ${known.id} has no current link`);
      const result = await this.reevaluate(manager, record, known.link, standardised, scored, best, actor);
      await appendAudit(manager, auditActor, [
        {
          action: 'record.updated',
          personIds: [...new Set([result.personId, ...(previous ? [previous] : [])])],
          recordIds: [record.id],
          before: { personId: previous, version: record.version - 1 },
          after: auditAfter(record, result),
          modelVersion: best?.score.modelVersion ?? model.version,
        },
      ]);
      return { ...result, updated: true, flags: record.flags };
    });
  }

  /**
   * A new registration: link it, or give it a new person (plus a review task when doubtful).
   * Every write is one statement (`writePlacement`); a link first locks the person (and
   * reads its records for the golden view).
   */
  private async placeNew(
    manager: EntityManager,
    record: SourceRecordEntity,
    keys: string[],
    standardised: StandardRecord,
    scored: ScoredCandidate[],
    best: Best | null,
    auditActor: AuditActor,
    /** The model that decided: recorded on the link even when no candidate was scored. */
    modelVersion: string,
  ): Promise<RegistrationResult> {
    const events: NewChangeEvent[] = [];
    let person: { id: string; isNew: boolean; golden: object };
    let decision: RegistrationDecision;
    if (best && best.score.decision === 'link') {
      // A steward may have merged the person away meanwhile: link to its survivor.
      const { personId, records } = await lockPersonForLink(manager, best.personId);
      person = { id: personId, isNew: false, golden: goldenView([...records, record]) };
      decision = 'linked';
    } else {
      // The record is the person's only one: its golden view is known without reading back.
      person = { id: randomUUID(), isNew: true, golden: goldenView([record]) };
      decision = best && best.score.decision === 'review' ? 'review' : 'new';
      events.push({ type: 'created', personId: person.id, recordId: null, payload: {} });
    }
    events.push({ type: 'linked', personId: person.id, recordId: record.id, payload: linkPayload(record) });
    const result = this.answer(record.id, person.id, decision, best);
    await writePlacement(manager, {
      record,
      keys,
      actor: auditActor,
      person,
      link: {
        score: best?.score ?? null,
        reason: decision === 'linked' ? 'auto-link' : decision === 'review' ? 'review' : 'new-person',
        modelVersion: decision === 'linked' && best ? best.score.modelVersion : modelVersion,
      },
      tasks: tasksFor(record, standardised, scored, best, person.id),
      events,
      audit: {
        action: 'record.registered',
        personIds: [person.id],
        recordIds: [record.id],
        before: null,
        after: auditAfter(record, result),
        modelVersion: best?.score.modelVersion ?? modelVersion,
      },
    });
    return { ...result, updated: false, flags: record.flags };
  }

  /**
   * An update of a known registration. A manual link is never changed automatically. A
   * record alone in its person moves to a person it now links to; a record sharing its
   * person stays put, and a doubtful or contradicting match goes to a steward.
   */
  private async reevaluate(
    manager: EntityManager,
    record: SourceRecordEntity,
    /** The record's current link, as the lookup read it with the keys locked. */
    current: NonNullable<KnownRegistration['link']>,
    standardised: StandardRecord,
    scored: ScoredCandidate[],
    best: Best | null,
    actor: string,
  ) {
    const events: NewChangeEvent[] = [
      { type: 'updated', personId: current.personId, recordId: record.id, payload: linkPayload(record) },
    ];
    let personId = current.personId;
    let decision: RegistrationDecision =
      current.reason === 'auto-link' || current.type === 'manual' ? 'linked' : 'new';
    const other = current.type === 'auto' && best && best.personId !== current.personId ? best : null;
    if (other && other.score.decision === 'link') {
      const others = await manager.count(LinkEntity, {
        where: { personId: current.personId, endedAt: IsNull() },
      });
      if (others === 1) {
        const target = await lockActivePerson(manager, other.personId);
        await this.endLink(manager, current.id, actor);
        await manager.update(
          PersonEntity,
          { id: current.personId },
          { status: 'retired', successorId: target },
        );
        personId = target;
        decision = 'linked';
        await this.link(manager, record.id, personId, other.score, 'auto-link', actor);
        events.push(
          { type: 'unlinked', personId: current.personId, recordId: record.id, payload: {} },
          { type: 'merged', personId, recordId: null, payload: { retiredPersonId: current.personId } },
          { type: 'linked', personId, recordId: record.id, payload: linkPayload(record) },
        );
      } else {
        decision = 'review';
      }
    } else if (other && other.score.decision === 'review') {
      decision = 'review';
    }
    const tasks = tasksFor(record, standardised, scored, best, personId);
    // A link the record keeps despite a certain match elsewhere is a possible duplicate.
    if (other && other.score.decision === 'link' && personId === current.personId)
      tasks.push({
        type: 'possible-duplicate',
        recordId: record.id,
        candidatePersonId: other.personId,
        score: other.score,
      });
    await openTasks(manager, tasks);
    if (record.nhsNumberStatus === 'valid') await closeTraceTask(manager, record.id, actor);
    await refreshGolden(manager, current.personId);
    if (personId !== current.personId) await refreshGolden(manager, personId);
    await appendChangeEvents(manager, events);
    return this.answer(record.id, personId, decision, best);
  }

  private answer(
    recordId: string,
    personId: string,
    decision: RegistrationDecision,
    best: Best | null,
  ): Answer {
    return {
      recordId,
      personId,
      decision,
      score: best ? roundWeight(best.score.weight) : null,
      matchProbability: best ? best.score.probability : null,
      unchanged: false,
    };
  }

  private async link(
    manager: EntityManager,
    recordId: string,
    personId: string,
    score: PairScore | null,
    reason: string,
    actor: string,
    modelVersion = score?.modelVersion ?? null,
  ) {
    await manager.getRepository(LinkEntity).insert({
      recordId,
      personId,
      type: 'auto',
      score: score ? roundWeight(score.weight) : null,
      matchProbability: score?.probability ?? null,
      modelVersion,
      explanation: score ? explanationOf(score) : null,
      reason,
      createdBy: actor,
      endedAt: null,
      endedBy: null,
    });
  }

  private async endLink(manager: EntityManager, linkId: string, actor: string) {
    await manager.update(LinkEntity, { id: linkId }, { endedAt: new Date(), endedBy: actor });
  }
}

export type { StandardRecord };
