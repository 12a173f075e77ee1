import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** GET /audit/verify: optionally an anchor to check the history against. */
export class VerifyQuery {
  /** An anchor from GET /audit/anchor, as base64url of its JSON. */
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  anchor?: string;
}

export class ViolationView {
  @ApiProperty({ type: String, nullable: true, description: 'The issue concerned; null for an area stream or a missing reference' })
  issueId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The stream concerned (issue-<id>, area-<id>)' })
  streamId: string | null;
  @ApiProperty({ type: Number, nullable: true })
  version: number | null;
  @ApiProperty({ enum: ['hash-mismatch', 'illegal-transition', 'version-gap', 'unknown-event', 'anchor-mismatch'] })
  kind: string;
  detail: string;
}

export class VerifyReportView {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  @ApiProperty({ type: [ViolationView] })
  violations: ViolationView[];
}

export class AnchorView {
  @ApiProperty({ type: String, nullable: true, description: "The store's checkpoint after the last event covered" })
  checkpoint: string | null;
  events: number;
  streams: number;
  /** SHA-256 (hex) over each covered event's hash, in the store's commit-safe order. */
  digest: string;
  takenAt: string;
  /** Ed25519, base64, over the canonical JSON of the other fields. */
  signature: string;
  /** The server's public key (SPKI PEM). */
  publicKey: string;
}
