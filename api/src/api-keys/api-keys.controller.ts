import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ApiKeyView, CreatedApiKey } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, type Principal, Roles } from '../access/index.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyViewDto, CreatedApiKeyDto } from './dto/api-key-view.dto.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The full key appears in this response only.' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.apiKeys.create(requireUser(principal), body.name);
  }

  @Get()
  @ApiOkResponse({ type: ApiKeyViewDto, isArray: true, description: 'Your own keys, revoked ones included; never the secret.' })
  list(@CurrentPrincipal() principal: Principal): Promise<ApiKeyView[]> {
    return this.apiKeys.listOwn(requireUser(principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (or already revoked).' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.apiKeys.revoke(requireUser(principal), id);
  }
}
