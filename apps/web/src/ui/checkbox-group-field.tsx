import { Checkbox, CheckboxGroup, FieldError, Label, Text, type CheckboxGroupProps } from 'react-aria-components';

export interface CheckboxGroupFieldProps extends Omit<CheckboxGroupProps, 'children'> {
  label: string;
  description?: string;
  /** The choices: a plain list, or under headings (e.g. competency areas under their domains). */
  options?: Option[];
  groups?: { id: string; label: string; options: Option[] }[];
}

type Option = { id: string; label: string };

const box = (o: Option) => (
  <Checkbox key={o.id} value={o.id} className="checkbox">
    <span className="box" aria-hidden="true">
      ✓
    </span>
    <span>{o.label}</span>
  </Checkbox>
);

/** Several choices, in a plain list or grouped under headings; Space ticks the focused one. */
export function CheckboxGroupField({ label, description, options = [], groups, ...props }: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup {...props} className="field checkbox-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      {groups?.map((group) => (
        <div key={group.id} role="group" aria-label={group.label} className="checkbox-subgroup">
          <p className="checkbox-subgroup-label" aria-hidden="true">
            {group.label}
          </p>
          {group.options.map(box)}
        </div>
      ))}
      {!groups && options.map(box)}
      <FieldError />
    </CheckboxGroup>
  );
}
