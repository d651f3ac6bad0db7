import { CheckboxField } from '../ui/checkbox-field';
import { CheckboxGroupField } from '../ui/checkbox-group-field';
import { momentDayInWords } from '../ui/dates-in-words';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import type { Choices, FieldSpec, Value, Values } from './sections';

/**
 * The fields of one entry (or of a one-entry section). Each input's name is the API's path to the
 * value (`references.0.raterEmail`), so the API's field errors appear beside the right input.
 */
export function EntryFields({
  fields,
  values,
  prefix,
  choices,
  onChange,
}: {
  fields: FieldSpec[];
  values: Values;
  prefix: string;
  choices: Choices;
  onChange: (name: string, value: Value) => void;
}) {
  return (
    <>
      {fields.map((f) => {
        const name = `${prefix}${f.name}`;
        const value = values[f.name];
        switch (f.kind) {
          case 'checkbox':
            return (
              <CheckboxField key={f.name} name={name} isSelected={value === true} onChange={(v) => onChange(f.name, v)}>
                {f.label}
              </CheckboxField>
            );
          case 'signature':
            return (
              <div key={f.name}>
                <CheckboxField name={name} isSelected={value !== ''} onChange={(v) => onChange(f.name, v ? new Date().toISOString() : '')}>
                  {f.label}
                </CheckboxField>
                {value !== '' && <p className="muted">Signed on {momentDayInWords(value as string)}.</p>}
              </div>
            );
          case 'areas':
            return (
              <CheckboxGroupField
                key={f.name}
                name={name}
                label={f.label}
                description={f.description}
                value={value as string[]}
                onChange={(v) => onChange(f.name, v)}
                groups={choices.competencyDomains.map((d) => ({ id: d.code, label: d.label, options: d.areas.map((a) => ({ id: a.code, label: a.label })) }))}
              />
            );
          case 'level':
          case 'role': {
            const options = f.kind === 'level' ? choices.educationLevels : choices.referenceRoles;
            return (
              <SelectField
                key={f.name}
                name={name}
                label={f.label}
                description={f.description}
                placeholder="Choose…"
                selectedKey={value === '' ? null : (value as string)}
                onSelectionChange={(key) => onChange(f.name, key === null ? '' : String(key))}
                items={options.map((o) => ({ id: o.code, label: o.label }))}
              />
            );
          }
          default:
            return (
              <TextField
                key={f.name}
                name={name}
                label={f.label}
                description={f.description}
                type={f.kind === 'date' ? 'date' : f.kind === 'email' ? 'email' : 'text'}
                inputMode={f.kind === 'number' ? 'decimal' : undefined}
                autoComplete="off"
                value={value as string}
                onChange={(v) => onChange(f.name, v)}
              />
            );
        }
      })}
    </>
  );
}
