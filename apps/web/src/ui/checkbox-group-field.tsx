import { Checkbox, CheckboxGroup, FieldError, Label, Text, type CheckboxGroupProps } from 'react-aria-components';

export interface CheckboxGroupFieldProps extends Omit<CheckboxGroupProps, 'children'> {
  label: string;
  description?: string;
  /** The choices under headings (e.g. competency areas under their domains). */
  groups: { id: string; label: string; options: { id: string; label: string }[] }[];
}

/** Several choices from a long list, grouped under headings; Space ticks the focused one. */
export function CheckboxGroupField({ label, description, groups, ...props }: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup {...props} className="field checkbox-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      {groups.map((group) => (
        <div key={group.id} role="group" aria-label={group.label} className="checkbox-subgroup">
          <p className="checkbox-subgroup-label" aria-hidden="true">
            {group.label}
          </p>
          {group.options.map((o) => (
            <Checkbox key={o.id} value={o.id} className="checkbox">
              <span className="box" aria-hidden="true">
                ✓
              </span>
              <span>{o.label}</span>
            </Checkbox>
          ))}
        </div>
      ))}
      <FieldError />
    </CheckboxGroup>
  );
}
