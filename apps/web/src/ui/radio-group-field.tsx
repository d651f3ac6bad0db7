import { FieldError, Label, Radio, RadioGroup, Text, type RadioGroupProps } from 'react-aria-components';

export interface RadioGroupFieldProps extends Omit<RadioGroupProps, 'children'> {
  label: string;
  description?: string;
  options: { id: string; label: string }[];
}

/** One choice among a few, all visible; arrow keys move between them. */
export function RadioGroupField({ label, description, options, ...props }: RadioGroupFieldProps) {
  return (
    <RadioGroup {...props} className="field radio-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      <div className="radio-options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="checkbox radio">
            <span className="box" aria-hidden="true" />
            {option.label}
          </Radio>
        ))}
      </div>
      <FieldError />
    </RadioGroup>
  );
}
