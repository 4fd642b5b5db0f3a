import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  SUGGESTION_KINDS,
  type AddressSuggestion,
  type CitySuggestion,
  type FacilitySuggestion,
  type GeoPoint,
  type Suggestion,
  type SuggestionList,
} from '@aiparksit/shared';
import { GeoPointDto } from './facility-views.dto.js';

// OpenAPI shapes of the suggestions; each implements its shared contract type.

abstract class SuggestionBaseDto {
  @ApiProperty({ example: 'city:zurich', description: 'Unique in the list, for list keys.' }) id: string;
  @ApiProperty({ example: 'Zürich' }) label: string;
  @ApiProperty({ example: 'Switzerland' }) secondary: string;
  @ApiProperty({ type: GeoPointDto, description: "Where to search around: a city's centre, a car park's entrance." }) location: GeoPoint;
}

export class CitySuggestionDto extends SuggestionBaseDto implements CitySuggestion {
  @ApiProperty({ enum: ['city'] }) kind: 'city';
  @ApiProperty({ example: 'zurich' }) placeId: string;
  @ApiProperty({ example: 'Zürich', description: 'Send as `city` to GET /api/proxy/marketplace.' }) city: string;
  @ApiProperty({ example: 'CH' }) countryCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Zurich', description: 'The name that matched, when it is not the label.' }) matchedName: string | null;
}

export class FacilitySuggestionDto extends SuggestionBaseDto implements FacilitySuggestion {
  @ApiProperty({ enum: ['facility'] }) kind: 'facility';
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() slug: string;
  @ApiProperty() city: string;
}

export class AddressSuggestionDto extends SuggestionBaseDto implements AddressSuggestion {
  @ApiProperty({ enum: ['address'] }) kind: 'address';
  @ApiProperty({ format: 'uuid', description: 'The car park at this address.' }) facilityId: string;
  @ApiProperty() city: string;
}

export const SUGGESTION_MODELS = [CitySuggestionDto, FacilitySuggestionDto, AddressSuggestionDto];

export class SuggestionListDto implements SuggestionList {
  @ApiProperty({ example: 'zur', description: 'The query as matched (trimmed).' }) q: string;
  @ApiProperty({
    type: 'array',
    description: `Of kinds ${SUGGESTION_KINDS.join(', ')}: cities first, then car parks by name, then by address; whole and starting matches before matches inside a name.`,
    items: {
      oneOf: SUGGESTION_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
      discriminator: {
        propertyName: 'kind',
        mapping: { city: getSchemaPath(CitySuggestionDto), facility: getSchemaPath(FacilitySuggestionDto), address: getSchemaPath(AddressSuggestionDto) },
      },
    },
  })
  suggestions: Suggestion[];
}
