import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Public, ThrottledAs } from '#auth';
import { GetIssuerDocuments, GetStatusList, VC_JWT_MEDIA_TYPE } from '#endorsement';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { issuerDidDocumentResponse, issuerJwksResponse } from './dto/credentials.responses.js';
import { associationParamsSchema, type AssociationParams } from './dto/credentials.schema.js';

const UNKNOWN = { 404: ['issuer_not_found'], 429: ['too_many_requests'] } as const;

/**
 * What verifiers of an association's credentials fetch. Their addresses are signed into credentials,
 * so they stay outside the versioned API: /verify/… never moves.
 */
@ApiTags('verification')
@Controller('verify')
@Public()
@ThrottledAs('public')
export class IssuerDocumentsController {
  constructor(
    private readonly documents: GetIssuerDocuments,
    private readonly statusList: GetStatusList,
  ) {}

  @Get('status/:association')
  @ApiContract({
    id: 'getStatusList',
    summary: "The association's credential status list",
    description:
      'A BitstringStatusListCredential (purpose `suspension`) signed like the credentials: the bit of an endorsement is set while it is not in good standing (lapsed, or under reinstatement) and cleared when it is endorsed again. Computed at each request.',
    media: { type: VC_JWT_MEDIA_TYPE, description: 'The signed status list credential (compact JWS).', schema: { type: 'string' } },
    problems: UNKNOWN,
  })
  @Header('Content-Type', VC_JWT_MEDIA_TYPE)
  @Header('Cache-Control', 'no-cache')
  status(@Param({ schema: associationParamsSchema }) params: AssociationParams): Promise<string> {
    return this.statusList.execute(params.association);
  }

  @Get('issuers/:association/did.json')
  @ApiContract({
    id: 'getIssuerDidDocument',
    summary: "The association's DID document",
    description: "Where did:web resolves the issuer of the association's credentials: its Ed25519 key as a JsonWebKey2020 verification method.",
    returns: issuerDidDocumentResponse,
    problems: UNKNOWN,
  })
  didDocument(@Param({ schema: associationParamsSchema }) params: AssociationParams): z.output<typeof issuerDidDocumentResponse> {
    return this.documents.didDocument(params.association) as z.output<typeof issuerDidDocumentResponse>;
  }

  @Get('issuers/:association/jwks.json')
  @ApiContract({
    id: 'getIssuerJwks',
    summary: "The association's signing key as a JWKS",
    description: "The same key as the DID document, for JWT libraries that verify against a JWKS; a credential's `kid` names it.",
    returns: issuerJwksResponse,
    problems: UNKNOWN,
  })
  jwks(@Param({ schema: associationParamsSchema }) params: AssociationParams): z.output<typeof issuerJwksResponse> {
    return this.documents.jwks(params.association) as z.output<typeof issuerJwksResponse>;
  }
}
