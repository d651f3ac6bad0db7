import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// An expression index (lower(email)): TypeORM can neither describe nor read one back, so it is only named here,
// with synchronize: false telling the schema builder to leave it alone.
@Index('people_email_uq', { synchronize: false })
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'association_code', type: 'text' }) associationCode: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
