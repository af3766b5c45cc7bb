import { testEngines } from '@concord/persistence/testing';
import { startTestApp, TestApp } from '../testing/test-app';

const jane = {
  nhsNumber: '9434765919',
  familyName: 'Smith',
  givenName: 'Jane',
  dateOfBirth: '1980-02-01',
  sex: 'F',
  postcode: 'LS1 4AP',
};

describe.each(testEngines())('match, FHIR and PIXm on %s', (engine) => {
  let t: TestApp;
  let personId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    personId = (
      await t.call('POST', '/api/v1/records', { body: { sourceSystem: 'RIS-LEEDS', localId: 'R1', ...jane } })
    ).body.personId;
    await t.call('POST', '/api/v1/records', { body: { sourceSystem: 'PACS-YORK', localId: 'P1', ...jane } });
  }, 90_000);
  afterAll(() => t?.close());

  it('ranks candidates with grade and per-field explanation, and writes nothing', async () => {
    const before = await t.call('GET', '/api/v1/events');
    const r = await t.call('POST', '/api/v1/match', {
      body: { familyName: 'SMITH', givenName: 'Jane', dateOfBirth: '01/02/1980', postcode: 'LS1 4AP' },
    });
    expect(r.status).toBe(200);
    expect(r.body.candidates[0]).toMatchObject({
      personId,
      grade: expect.stringMatching(/certain|probable|possible/),
    });
    const fields = r.body.candidates[0].explanation.comparisons.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['familyName', 'givenName', 'dateOfBirth']));
    expect(typeof r.body.candidates[0].explanation.prior).toBe('number');
    expect((await t.call('GET', '/api/v1/events')).body.events).toHaveLength(before.body.events.length);
    const nobody = await t.call('POST', '/api/v1/match', {
      body: { familyName: 'Zbigniewska', dateOfBirth: '1901-05-05' },
    });
    expect(nobody.body).toEqual({ candidates: [] });
    expect((await t.call('POST', '/api/v1/match', { body: {} })).body.message).toMatch(/^record: /);
    expect(
      (await t.call('POST', '/api/v1/match', { body: { familyName: 'x', count: 0 } })).body.message,
    ).toMatch(/^count: /);
  });

  it('answers FHIR $match with a searchset Bundle, score and match grade', async () => {
    const patient = {
      resourceType: 'Patient',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
      name: [{ family: 'Smith', given: ['Jane'] }],
      birthDate: '1980-02-01',
      gender: 'female',
    };
    const r = await t.call('POST', '/fhir/Patient/$match', {
      body: {
        resourceType: 'Parameters',
        parameter: [
          { name: 'resource', resource: patient },
          { name: 'count', valueInteger: 3 },
          { name: 'onlyCertainMatches', valueBoolean: true },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(r.body.entry[0].resource).toMatchObject({
      resourceType: 'Patient',
      id: personId,
      identifier: [{ value: '9434765919' }],
    });
    expect(r.body.entry[0].search.score).toBeGreaterThan(0.99);
    expect(r.body.entry[0].search.extension[0]).toEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/match-grade',
      valueCode: 'certain',
    });
    // The same demographics under another valid NHS number: a safety rule holds the pair in
    // review, so it is "probable" however likely, and never among the certain matches.
    const otherNumber = {
      ...patient,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '4010232137' }],
      address: [{ postalCode: 'LS1 4AP' }],
    };
    const held = async (onlyCertain: boolean) =>
      t.call('POST', '/fhir/Patient/$match', {
        body: {
          resourceType: 'Parameters',
          parameter: [
            { name: 'resource', resource: otherNumber },
            { name: 'onlyCertainMatches', valueBoolean: onlyCertain },
          ],
        },
      });
    expect((await held(true)).body).toMatchObject({ resourceType: 'Bundle', total: 0 });
    const all = (await held(false)).body;
    expect(all.entry[0].resource.id).toBe(personId);
    expect(all.entry[0].search.score).toBeGreaterThan(0.99);
    expect(all.entry[0].search.extension[0].valueCode).toBe('probable');
    const bad = await t.call('POST', '/fhir/Patient/$match', {
      body: {
        resourceType: 'Parameters',
        parameter: [{ name: 'resource', resource: { ...patient, gender: 'f' } }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', expression: ['Patient.gender'] }],
    });
  });

  it('cross-references identifiers with IHE PIXm', async () => {
    const r = await t.call('GET', '/fhir/Patient/$ihe-pix?sourceIdentifier=RIS-LEEDS|R1');
    expect(r.status).toBe(200);
    expect(r.body.resourceType).toBe('Parameters');
    expect(r.body.parameter).toEqual(
      expect.arrayContaining([
        { name: 'targetIdentifier', valueIdentifier: { system: 'PACS-YORK', value: 'P1' } },
        {
          name: 'targetIdentifier',
          valueIdentifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' },
        },
        { name: 'targetId', valueReference: { reference: `Patient/${personId}` } },
      ]),
    );
    const only = await t.call(
      'GET',
      '/fhir/Patient/$ihe-pix?sourceIdentifier=https://fhir.nhs.uk/Id/nhs-number|9434765919&targetSystem=PACS-YORK',
    );
    expect(only.body.parameter.filter((p: { name: string }) => p.name === 'targetIdentifier')).toEqual([
      { name: 'targetIdentifier', valueIdentifier: { system: 'PACS-YORK', value: 'P1' } },
    ]);
    const missing = await t.call('GET', '/fhir/Patient/$ihe-pix?sourceIdentifier=RIS-LEEDS|nope');
    expect(missing.status).toBe(404);
    expect(missing.body.resourceType).toBe('OperationOutcome');
    expect((await t.call('GET', '/fhir/Patient/$ihe-pix?sourceIdentifier=RIS-LEEDS')).status).toBe(400);
    // Identifier domains the index has never seen: 400 as the source, 403 as a target (IHE ITI-83).
    const unknownSource = await t.call('GET', '/fhir/Patient/$ihe-pix?sourceIdentifier=RIS-NOWHERE|R1');
    expect(unknownSource.status).toBe(400);
    expect(unknownSource.body).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(unknownSource.body.issue[0].diagnostics).toMatch(/^sourceIdentifier: "RIS-NOWHERE" is not an identifier domain/);
    const unknownTarget = await t.call(
      'GET',
      '/fhir/Patient/$ihe-pix?sourceIdentifier=RIS-LEEDS|R1&targetSystem=PACS-YORK&targetSystem=PACS-NOWHERE',
    );
    expect(unknownTarget.status).toBe(403);
    expect(unknownTarget.body).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(unknownTarget.body.issue[0].diagnostics).toMatch(/^targetSystem: "PACS-NOWHERE"/);
  });

  it('serves the OpenAPI description', async () => {
    const r = await t.call('GET', '/api/docs/openapi.json', { token: '' });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/records', '/api/v1/match', '/api/v1/links', '/api/v1/events']),
    );
  });
});
