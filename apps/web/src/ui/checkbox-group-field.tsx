import { Checkbox, CheckboxGroup, FieldError, Label, Text, type CheckboxGroupProps } from 'react-aria-components';

export interface CheckboxGroupFieldProps extends Omit<CheckboxGroupProps, 'children'> {
  label: string;
  description?: string;
  options: { id: string; label: string }[];
}

/** Several choices at once, each a labelled checkbox. */
export function CheckboxGroupField({ label, description, options, ...props }: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup {...props} className="field checkbox-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      <div className="radio-options">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="checkbox">
            {({ isSelected }) => (
              <>
                <span className="box" aria-hidden="true">
                  {isSelected ? '✓' : ''}
                </span>
                {option.label}
              </>
            )}
          </Checkbox>
        ))}
      </div>
      <FieldError />
    </CheckboxGroup>
  );
}
