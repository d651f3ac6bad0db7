import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last endorsement number an association issued. */
@Entity('endorsement_sequences')
export class EndorsementSequence {
  @PrimaryColumn({ name: 'association_code', type: 'text' }) associationCode: string;
  @Column({ name: 'last_value', type: 'integer' }) lastValue: number;
}
