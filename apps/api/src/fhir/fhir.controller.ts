import { Body, Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { forbidden, invalid, LinksService, MatchService } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';
import type { AuditActor } from '@concord/services';
import { MATCH_GRADE_EXTENSION, NHS_NUMBER_SYSTEM, patientToRecord, personToPatient } from './fhir-patient';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

@ApiBearerAuth()
@ApiProduces('application/fhir+json')
@Controller('fhir/Patient')
export class FhirController {
  constructor(
    private readonly matcher: MatchService,
    private readonly links: LinksService,
  ) {}

  /** FHIR R4 Patient/$match: a searchset Bundle with search.score and the match-grade extension. */
  @Post('$match')
  @HttpCode(200)
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary: 'FHIR R4 Patient/$match',
    description:
      'A Parameters resource with resource (a Patient), count and onlyCertainMatches; answers a searchset Bundle with search.score and the match-grade extension, errors as OperationOutcome. NHS numbers use the system https://fhir.nhs.uk/Id/nhs-number. API key scope `match`, stewards, senior stewards, admins.',
  })
  @ApiConsumes('application/fhir+json', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      example: {
        resourceType: 'Parameters',
        parameter: [
          {
            name: 'resource',
            resource: {
              resourceType: 'Patient',
              identifier: [{ system: NHS_NUMBER_SYSTEM, value: '9434765919' }],
              name: [{ family: 'Smith', given: ['Jane'] }],
              birthDate: '1980-02-01',
            },
          },
          { name: 'count', valueInteger: 3 },
        ],
      },
    },
  })
  @Access({ scopes: ['match'], roles: ['steward', 'senior-steward', 'admin'] })
  async match(@Body() body: unknown, @Req() request: Request, @Actor() actor: AuditActor) {
    const parameters = readParameters(body);
    const resource = parameters.get('resource');
    if (resource === undefined)
      throw invalid('Parameters.parameter[resource]', 'a Patient resource is required');
    const countParam = parameters.get('count');
    if (countParam !== undefined && (typeof countParam !== 'number' || !Number.isInteger(countParam))) {
      throw invalid('Parameters.parameter[count].valueInteger', 'must be a whole number');
    }
    const only = parameters.get('onlyCertainMatches');
    if (only !== undefined && typeof only !== 'boolean')
      throw invalid('Parameters.parameter[onlyCertainMatches].valueBoolean', 'must be true or false');
    const candidates = await this.matcher.match(
      patientToRecord(resource),
      {
        count: countParam as number | undefined,
        onlyCertain: only as boolean | undefined,
      },
      actor,
    );
    const base = `${request.protocol}://${request.get('host')}/fhir`;
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: candidates.length,
      entry: candidates.map((c) => ({
        fullUrl: `${base}/Patient/${c.personId}`,
        resource: personToPatient(c.personId, c.person.golden),
        search: {
          mode: 'match',
          score: c.matchProbability,
          extension: [{ url: MATCH_GRADE_EXTENSION, valueCode: c.grade }],
        },
      })),
    };
  }

  /** IHE PIXm: the identifiers cross-referenced with one source identifier. */
  @Get('$ihe-pix')
  @Header('content-type', FHIR_JSON)
  @ApiOperation({
    summary: 'IHE PIXm: the identifiers cross-referenced with one source identifier',
    description:
      'Answers a Parameters resource with targetIdentifier (system and value of every other linked identifier) and targetId (the Patient); an unknown identifier answers 404, errors as OperationOutcome. API key scope `links`, or any user.',
  })
  // Swagger lists query parameters in the reverse order of these decorators.
  @ApiQuery({
    name: 'targetSystem',
    required: false,
    description: 'only identifiers of this system (repeatable)',
  })
  @ApiQuery({
    name: 'sourceIdentifier',
    required: true,
    description:
      'system|value: a source system and its local id, or https://fhir.nhs.uk/Id/nhs-number|NHS number',
  })
  @Access({ scopes: ['links'], roles: ['steward', 'senior-steward', 'auditor', 'admin'] })
  async pix(@Query() query: Record<string, unknown>, @Actor() actor: AuditActor) {
    for (const key of Object.keys(query)) {
      if (!['sourceIdentifier', 'targetSystem', '_format'].includes(key))
        throw invalid(key, 'is not a parameter of $ihe-pix');
    }
    const source = query['sourceIdentifier'];
    if (typeof source !== 'string' || !source.includes('|'))
      throw invalid('sourceIdentifier', 'must be given once as system|value');
    const [system, value] = [source.slice(0, source.indexOf('|')), source.slice(source.indexOf('|') + 1)];
    if (!system || !value)
      throw invalid('sourceIdentifier', 'needs both a system and a value (system|value)');
    const rawTargets = query['targetSystem'];
    const targets =
      rawTargets === undefined
        ? []
        : Array.isArray(rawTargets)
          ? rawTargets.map(String)
          : [String(rawTargets)];
    // IHE PIXm (ITI-83): an identifier domain Concord does not know answers 400 as the
    // source, 403 as a target; a known domain without the identifier answers 404.
    const unknown = await this.links.unknownSourceSystems(
      [...new Set([system, ...targets])].filter((s) => s !== NHS_NUMBER_SYSTEM),
    );
    if (unknown.includes(system))
      throw invalid('sourceIdentifier', `"${system}" is not an identifier domain known to this index`);
    const unknownTargets = targets.filter((s) => unknown.includes(s));
    if (unknownTargets.length > 0)
      throw forbidden(`targetSystem: "${unknownTargets[0]}" is not an identifier domain known to this index`);
    const view =
      system === NHS_NUMBER_SYSTEM
        ? (await this.links.byNhsNumber(value, actor))[0]
        : await this.links.bySourceIdentifier(system, value, actor);
    const identifiers = [
      ...view.identifiers.map((i) => ({ system: i.system, value: i.localId })),
      ...view.nhsNumbers.map((n) => ({ system: NHS_NUMBER_SYSTEM, value: n })),
    ].filter((i) => !(i.system === system && i.value === value));
    const wanted = targets.length ? identifiers.filter((i) => targets.includes(i.system)) : identifiers;
    return {
      resourceType: 'Parameters',
      parameter: [
        ...wanted.map((i) => ({ name: 'targetIdentifier', valueIdentifier: i })),
        { name: 'targetId', valueReference: { reference: `Patient/${view.personId}` } },
      ],
    };
  }
}

/** Reads a FHIR Parameters resource into name → value (valueX or resource). */
function readParameters(body: unknown): Map<string, unknown> {
  if (
    typeof body !== 'object' ||
    body === null ||
    (body as { resourceType?: unknown }).resourceType !== 'Parameters'
  ) {
    throw invalid('resourceType', 'the body must be a FHIR Parameters resource');
  }
  const list = (body as { parameter?: unknown }).parameter;
  if (!Array.isArray(list)) throw invalid('Parameters.parameter', 'must be an array');
  const result = new Map<string, unknown>();
  list.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || typeof (p as { name?: unknown }).name !== 'string') {
      throw invalid(`Parameters.parameter[${i}].name`, 'is required');
    }
    const entry = p as Record<string, unknown>;
    const valueKey = Object.keys(entry).find((k) => k === 'resource' || k.startsWith('value'));
    result.set(entry['name'] as string, valueKey ? entry[valueKey] : undefined);
  });
  return result;
}
