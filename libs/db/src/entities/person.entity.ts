import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// An expression index (lower(email)), which TypeORM cannot describe: declared so the schema builder leaves it alone.
@Index('people_email_uq', { synchronize: false })
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'association_code', type: 'text' }) associationCode: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
