import type { ReactNode } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text, type RadioGroupProps } from 'react-aria-components';

export interface RadioGroupFieldProps extends RadioGroupProps {
  label: string;
  description?: string;
  options: { id: string; label: ReactNode }[];
}

/** One choice among a few, all visible at once (arrow keys move between them, as screen readers expect). */
export function RadioGroupField({ label, description, options, ...props }: RadioGroupFieldProps) {
  return (
    <RadioGroup {...props} className="field radio-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      {options.map((o) => (
        <Radio key={o.id} value={o.id} className="radio">
          {o.label}
        </Radio>
      ))}
      <FieldError />
    </RadioGroup>
  );
}
