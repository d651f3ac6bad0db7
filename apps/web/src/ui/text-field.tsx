import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextFieldProps extends AriaTextFieldProps {
  label: string;
  description?: string;
  /** Several lines (a text area) instead of one. */
  multiline?: boolean;
}

/** A labelled text field whose description and error (the browser's or the API's) are read with it. */
export function TextField({ label, description, multiline, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      {multiline ? <TextArea rows={4} /> : <Input />}
      <FieldError />
    </AriaTextField>
  );
}
