import { Form } from '../ui/form';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { session, useSession } from '../api/session';
import { Page } from '../app/page';
import { safeNext } from '../app/safe-next';
import { Button } from '../ui/button';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = useSession();
  const next = safeNext(params.get('next'));
  const { formProps, pending, problem } = useSubmit(async ({ email, password }) => {
    await session.signIn(email, password);
    void navigate(next, { replace: true });
  });

  if (state.status === 'signed-in' && !pending) return <Navigate to={next} replace />;
  return (
    <Page title="Sign in">
      {params.get('expired') && <Notice tone="warning">Your session has ended. Please sign in again to continue where you were.</Notice>}
      <Form {...formProps} className="form">
        <TextField label="Email address" name="email" type="email" autoComplete="email" isRequired />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" isRequired />
        <FormError problem={problem} />
        <Button type="submit" isPending={pending}>
          Sign in
        </Button>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link to={`/register${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link> to apply for endorsement.
      </p>
    </Page>
  );
}
