import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { type Channel, CHANNELS, RESIDENT_LANGUAGES, type ResidentLanguage } from '@app/lifecycle';
import { CATEGORIES } from '../../reference-data/categories';
import { CommandBody, Text } from '../commandBody.dto';

export class LocationDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  /** The exact address: personal data, erased with the resident's other details on request. */
  @IsOptional()
  @Text(1, 500)
  address?: string;
}

export class RaisedByDto {
  @Text(1, 200)
  name: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @Text(3, 40)
  phone?: string;

  /** Where a letter reaches the resident when they gave no email: personal data. */
  @IsOptional()
  @Text(5, 500)
  postalAddress?: string;

  /** The language the resident is written to in: `en` (the default) or `cy` (Welsh). Personal data. */
  @IsOptional()
  @IsIn(RESIDENT_LANGUAGES)
  language?: ResidentLanguage;
}

/** POST /issues: a resident's issue, raised online or logged by staff. */
export class LogIssueDto extends CommandBody {
  @Text(3, 200)
  title: string;

  @Text(1, 5000)
  description: string;

  @IsIn(CATEGORIES)
  category: string;

  @Text(1, 64)
  areaId: string;

  @IsIn(CHANNELS)
  channel: Channel;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @IsObject()
  @ValidateNested()
  @Type(() => RaisedByDto)
  raisedBy: RaisedByDto;
}
