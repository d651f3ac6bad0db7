import { Checkbox, type CheckboxProps } from 'react-aria-components';

/** A labelled tick box (Space ticks it), styled as the stylesheet's `.checkbox`. */
export function CheckboxField({ children, ...props }: Omit<CheckboxProps, 'children'> & { children: string }) {
  return (
    <Checkbox {...props} className="checkbox">
      <span className="box" aria-hidden="true">
        ✓
      </span>
      <span>{children}</span>
    </Checkbox>
  );
}
