import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'association_code' }) associationCode: string;
  @Column() email: string;
  @Column({ name: 'full_name' }) fullName: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
