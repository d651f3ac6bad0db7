import { TextField } from './text-field';

/** A new password, with the API's rule said up front (at least 12 characters). */
export function NewPasswordField({ label = 'New password', name = 'password' }: { label?: string; name?: string }) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      isRequired
      minLength={12}
      maxLength={256}
      description="At least 12 characters. A few words you will remember make a strong password."
    />
  );
}
