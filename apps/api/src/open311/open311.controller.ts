import { BadRequestException, Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, NotFoundException, Param, Post, Query, Req, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Clock } from '@app/event-store';
import type { ReadModelDb } from '@app/projections';
import { isReference } from '@app/streams';
import { AllowAnonymous } from '../auth/access.decorator';
import type { Settings } from '../config/settings';
import { CommandCtx, type CommandContext } from '../issues/commandContext';
import { unwrap } from '../issues/commandFailure';
import { IdempotencyInterceptor } from '../issues/idempotency.interceptor';
import { LogIssue } from '../issues/intake/logIssue.handler';
import type { LogIssueDto } from '../issues/intake/logIssue.dto';
import type { IssueView } from '../issues/issueView.dto';
import { CLOCK, READ_MODELS, SETTINGS } from '../store/tokens';
import { type FormBody, holdsUnstorableText } from './formFields';
import type { Open311Document } from './open311Document';
import { Open311ErrorsFilter } from './open311Errors.filter';
import { Open311KeyGuard, type Open311Request } from './open311Key.guard';
import { Open311RenderInterceptor } from './open311Render.interceptor';
import { OPEN311_SERVICES, serviceDefinition, serviceNamed } from './open311Services';
import { MAX_RESULTS, type Query as QueryParams, readRequestsQuery, windowOf } from './requestQuery';
import { ServiceRequestCreatedInterceptor } from './serviceRequestCreated.interceptor';
import { readServiceRequest } from './serviceRequestIntake';
import { requestUpdateOf, serviceRequestOf } from './serviceRequestView';
import { requestsByReference, requestsInWindow, stepsInWindow } from './trackedRequests';
import { intakeProblems } from './validateIntake';

const FORMAT = { name: 'format', enum: ['json', 'xml'] };

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) and the servicerequestupdates extension,
 * so that reporting apps such as FixMyStreet file and follow issues unchanged. Categories are
 * services, a reference is a service_request_id. Reads come from the public tracker's tables;
 * a POST is an ordinary intake through the command bus. `api_key` and `jurisdiction_id` are
 * accepted on every call; this server is one jurisdiction, so jurisdiction_id is not checked.
 */
@ApiTags('open311')
@ApiProduces('application/json', 'text/xml')
@ApiParam(FORMAT)
@Controller('open311/v2')
@UseFilters(Open311ErrorsFilter)
@UseInterceptors(Open311RenderInterceptor)
export class Open311Controller {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('services.:format')
  @AllowAnonymous()
  @ApiOperation({ summary: 'GeoReport v2 service list: every category as a service' })
  services(): Open311Document {
    return { root: 'services', item: 'service', entries: OPEN311_SERVICES };
  }

  @Get('services/:code.:format')
  @AllowAnonymous()
  @ApiOperation({ summary: "GeoReport v2 service definition: the service's attributes (the optional area board)" })
  service(@Param('code') code: string): Open311Document {
    const service = serviceNamed(code);
    if (!service) throw new NotFoundException(`service_code ${code} is not a service of services.xml`);
    return { root: 'service_definition', record: serviceDefinition(service, this.settings.areas) };
  }

  @Post('requests.:format')
  @HttpCode(HttpStatus.CREATED)
  @AllowAnonymous()
  @UseGuards(Open311KeyGuard)
  @UseInterceptors(ServiceRequestCreatedInterceptor, IdempotencyInterceptor)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'GeoReport v2 POST service request (form-encoded, api_key required): logs an issue, answers its reference as service_request_id' })
  async create(@Body() form: FormBody | undefined, @Req() request: Open311Request, @CommandCtx() context: CommandContext): Promise<IssueView> {
    const fields = form ?? {};
    if (holdsUnstorableText(fields)) throw new BadRequestException(['text must not contain NUL characters or unpaired UTF-16 surrogates']);
    const reading = readServiceRequest(fields, this.settings.areas);
    if (!reading.ok) throw new HttpException([reading.problem.description], reading.problem.code);
    const problems = await intakeProblems(reading.body);
    if (problems.length > 0) throw new BadRequestException(problems);
    const via = { open311Client: request.open311Client! };
    return unwrap(this.commandBus.execute(new LogIssue(reading.body as LogIssueDto, { ...context, via })));
  }

  @Get('requests.:format')
  @AllowAnonymous()
  @ApiOperation({ summary: 'GeoReport v2 GET service requests: by service_request_id (comma list), or logged in start_date..end_date (default the last 90 days), at most 1000' })
  async requests(@Query() query: QueryParams): Promise<Open311Document> {
    if (holdsUnstorableText(query)) throw new BadRequestException(['query parameters must not contain NUL characters or unpaired UTF-16 surrogates']);
    const reading = readRequestsQuery(query, this.clock.now());
    if (!reading.ok) throw new BadRequestException([reading.problem]);
    const asked = reading.value;
    const found =
      asked.kind === 'references' ? await requestsByReference(this.db, asked.references) : await requestsInWindow(this.db, { ...asked, limit: MAX_RESULTS });
    return { root: 'service_requests', item: 'request', entries: found.map((request) => serviceRequestOf(request, this.settings.areas)) };
  }

  @Get('requests/:id.:format')
  @AllowAnonymous()
  @ApiOperation({ summary: 'GeoReport v2 GET service request: one request by its service_request_id (the reference)' })
  async request(@Param('id') id: string): Promise<Open311Document> {
    const [found] = isReference(id) ? await requestsByReference(this.db, [id]) : [];
    if (!found) throw new NotFoundException(`no service request ${id}`);
    return { root: 'service_requests', item: 'request', entries: [serviceRequestOf(found, this.settings.areas)] };
  }

  @Get('tokens/:token.:format')
  @AllowAnonymous()
  @ApiOperation({ summary: 'GeoReport v2 GET service_request_id from a token. Services are realtime, so the only tokens are the references themselves' })
  async token(@Param('token') token: string): Promise<Open311Document> {
    const [found] = isReference(token) ? await requestsByReference(this.db, [token]) : [];
    if (!found) throw new NotFoundException(`no service request has token ${token}`);
    return { root: 'service_requests', item: 'request', entries: [{ service_request_id: found.reference, token }] };
  }

  @Get('servicerequestupdates.:format')
  @AllowAnonymous()
  @ApiOperation({ summary: 'servicerequestupdates extension: each public step (change of status, public note) in start_date..end_date (default the last 90 days), at most 1000' })
  async updates(@Query() query: QueryParams): Promise<Open311Document> {
    if (holdsUnstorableText(query)) throw new BadRequestException(['query parameters must not contain NUL characters or unpaired UTF-16 surrogates']);
    const window = windowOf(query, this.clock.now());
    if (!window.ok) throw new BadRequestException([window.problem]);
    const steps = await stepsInWindow(this.db, window.value.from, window.value.to, MAX_RESULTS);
    return { root: 'service_request_updates', item: 'request_update', entries: steps.map(requestUpdateOf) };
  }
}
