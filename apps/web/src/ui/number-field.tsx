import { FieldError, Group, Input, Label, NumberField as AriaNumberField, Text, type NumberFieldProps as AriaNumberFieldProps } from 'react-aria-components';

export interface NumberFieldProps extends AriaNumberFieldProps {
  label: string;
  description?: string;
}

/** A labelled number (a percentage, a count); the form sends it under `name`. */
export function NumberField({ label, description, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField {...props} className="field">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      <Group>
        <Input />
      </Group>
      <FieldError />
    </AriaNumberField>
  );
}
