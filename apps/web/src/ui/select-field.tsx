import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, type SelectProps } from 'react-aria-components';

export interface SelectFieldProps<T extends { id: string; label: string }> extends Omit<SelectProps<T>, 'children'> {
  label: string;
  description?: string;
  items: T[];
}

/** A labelled choice from a list, usable with the keyboard, touch and screen readers. */
export function SelectField<T extends { id: string; label: string }>({ label, description, items, ...props }: SelectFieldProps<T>) {
  return (
    <Select {...props} className="field">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError />
      <Popover className="popover">
        <ListBox items={items} className="listbox">
          {(item) => <ListBoxItem id={item.id}>{item.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}
