import type { ReactNode } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text, type RadioGroupProps } from 'react-aria-components';

export interface RadioGroupFieldProps extends Omit<RadioGroupProps, 'children'> {
  label: string;
  description?: string;
  options: { id: string; label: ReactNode }[];
}

/** One choice among a few, all in view (arrow keys move between them). */
export function RadioGroupField({ label, description, options, ...props }: RadioGroupFieldProps) {
  return (
    <RadioGroup {...props} className="field radio-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      {options.map((o) => (
        <Radio key={o.id} value={o.id} className="radio">
          <span className="dot" aria-hidden="true" />
          <span>{o.label}</span>
        </Radio>
      ))}
      <FieldError />
    </RadioGroup>
  );
}
