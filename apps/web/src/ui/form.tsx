import { Form as AriaForm, type FormProps } from 'react-aria-components';

/**
 * A form whose answers the API checks: nothing is refused in the browser, the API's field errors
 * (in plain words) appear beside their fields (`validationErrors`, keyed by field name), and they
 * update as the person types. One place for every rule, and no layout jump between a click's press
 * and its release, which the browser's own checks caused when their message vanished on blur.
 */
export function Form(props: FormProps) {
  return <AriaForm {...props} validationBehavior="aria" />;
}
