import { describe, expect, test } from '@jest/globals';
import { loadFramework } from '../framework.loader.js';
import { describeRequirements } from './describe-requirements.js';

const framework = loadFramework();

describe('describeRequirements: what a category asks, from the rules the eligibility check applies', () => {
  test('figures and plain words for a category with RSC from qualified providers and families served', () => {
    expect(describeRequirements(framework.rulesSnapshot('MI-AIMH', 'IFS'))).toEqual({
      education: { minimumLevel: 'bachelor', alternativeMonths: null },
      workMonths: 24,
      trainingHours: 30,
      rscHours: 24,
      references: 3,
      examRequired: false,
      asks: [
        "Education: a bachelor's degree or higher.",
        'Work experience: 24 months of paid post-degree infant and family work, with at least 10 families with children aged 0–36 months.',
        'Training: 30 hours.',
        'Reflective supervision/consultation received: 24 hours, from a provider endorsed as Infant/Early Childhood Family Reflective Supervisor, Infant Mental Health Specialist or Infant Mental Health Mentor – Clinical.',
        'References: 3, one from each of: Program supervisor; Reflective supervision/consultation provider; Other professional reference.',
        'Signed: the Code of Ethics and the Endorsement Agreement.',
        'Membership of an infant mental health association.',
      ],
    });
  });

  test('a degree that work may stand in for, an RSC window, parts of the training hours, the exam', () => {
    expect(describeRequirements(framework.rulesSnapshot('MI-AIMH', 'IFA')).asks[0]).toBe(
      'Education: a Child Development Associate (CDA) credential or higher, or 24 months of paid infant and family work.',
    );
    const imhs = describeRequirements(framework.rulesSnapshot('MI-AIMH', 'IMHS'));
    expect(imhs.asks).toContain('Reflective supervision/consultation received: 50 hours over at least 12 months, ending within the last 24 months.');
    expect(imhs.asks).toContain('Passing the exam.');
    const clinical = describeRequirements(framework.rulesSnapshot('MI-AIMH', 'IMHM', 'clinical'));
    expect(clinical.asks).toEqual(
      expect.arrayContaining([
        'Providing reflective supervision/consultation: 36 months.',
        'Training: 48 hours, of which 3 on diversity, equity and inclusion and 15 on reflective supervision/consultation.',
        'Reflective supervision/consultation received: 50 hours; 25 of them about the supervision you provide.',
      ]),
    );
  });

  test('follows the rules it is given (an association override, a future data change), copying none', () => {
    const base = framework.rulesSnapshot('WA-AIMH', 'IFS');
    const rules = {
      ...base.rules,
      training: { ...base.rules.training, totalHours: 45 },
      references: { roles: base.rules.references.roles.slice(0, 2) },
      rsc: null,
    };
    const described = describeRequirements({ ...base, rules });
    expect(described).toMatchObject({ trainingHours: 45, references: 2, rscHours: 0 });
    expect(described.asks).toContain('Training: 45 hours.');
    expect(described.asks.some((line) => line.startsWith('Reflective supervision/consultation received'))).toBe(false);
  });
});
