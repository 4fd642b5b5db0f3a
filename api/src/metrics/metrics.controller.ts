import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FxRatesView, GrowthMetrics, InvestorOverview, MarketMetrics, RevenueMetrics } from '@aiparksit/shared';
import { Roles } from '../access/index.js';
import { FxRatesService } from './fx-rates.service.js';
import { MetricsService } from './metrics.service.js';
import { PutFxRatesDto } from './dto/fx-rates.dto.js';
import { MetricsQueryDto } from './dto/metrics-query.dto.js';
import { FxRatesViewDto, GrowthMetricsDto, InvestorOverviewDto, MarketMetricsDto, RevenueMetricsDto } from './dto/metrics-views.dto.js';

const BAD_PERIOD = 'invalid_period (not a real date, from after to), period_too_long, or field errors (comparison, granularity).';

@ApiTags('metrics')
@ApiBearerAuth()
@Roles('investor', 'admin')
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('proxy/investor')
  @ApiOkResponse({
    type: InvestorOverviewDto,
    description: 'Platform overview: the figures of OVERVIEW_METRICS with comparison and change, and a series for sparklines.',
  })
  @ApiBadRequestResponse({ description: BAD_PERIOD })
  overview(@Query() query: MetricsQueryDto): Promise<InvestorOverview> {
    return this.metrics.overview(query);
  }

  @Get('metrics/revenue')
  @ApiOkResponse({
    type: RevenueMetricsDto,
    description: 'GMV, fees, refunds, net revenue and payouts as series; by country, city, currency, space type; top facilities and operators.',
  })
  @ApiBadRequestResponse({ description: BAD_PERIOD })
  revenue(@Query() query: MetricsQueryDto): Promise<RevenueMetrics> {
    return this.metrics.revenue(query);
  }

  @Get('metrics/growth')
  @ApiOkResponse({ type: GrowthMetricsDto, description: 'Sign-ups, active drivers, driver cohorts, the operator funnel and supply growth.' })
  @ApiBadRequestResponse({ description: BAD_PERIOD })
  growth(@Query() query: MetricsQueryDto): Promise<GrowthMetrics> {
    return this.metrics.growth(query);
  }

  @Get('metrics/market')
  @ApiOkResponse({
    type: MarketMetricsDto,
    description: 'Per city: supply, demand, occupancy, prices, RevPASH, operator shares, growth rank; the weekday × hour demand heatmap.',
  })
  @ApiBadRequestResponse({ description: BAD_PERIOD })
  market(@Query() query: MetricsQueryDto): Promise<MarketMetrics> {
    return this.metrics.market(query);
  }
}

@ApiTags('metrics')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/fx-rates')
export class FxRatesController {
  constructor(private readonly rates: FxRatesService) {}

  @Get()
  @ApiOkResponse({ type: FxRatesViewDto, description: 'Every dated reference rate (units per EUR), by currency then date.' })
  list(): Promise<FxRatesView> {
    return this.rates.list();
  }

  @Put()
  @HttpCode(200)
  @ApiOkResponse({ type: FxRatesViewDto, description: 'Adds or corrects dated rates; answers every rate.' })
  @ApiBadRequestResponse({ description: 'invalid_fx_rate (not a real date, EUR) or field errors.' })
  put(@Body() body: PutFxRatesDto): Promise<FxRatesView> {
    return this.rates.put(body.rates);
  }
}
