import { useState } from 'react';
import { api } from '../api/api';
import { call } from '../api/call';
import { ApiProblem } from '../api/problem';
import { Button } from '../ui/button';
import { FormError } from '../ui/form-error';

type Kind = 'certificate' | 'credential';

const FILES: Record<Kind, { label: string; name: (number: string) => string }> = {
  certificate: { label: 'Download your certificate (PDF)', name: (n) => `endorsement-${n}.pdf` },
  credential: { label: 'Download your digital credential', name: (n) => `endorsement-${n}.jwt` },
};

/**
 * The certificate and the verifiable credential, made by the API from today's data. They need the
 * session's token, so the page fetches them and hands the file to the browser to save.
 */
export function Downloads({ applicationId, number }: { applicationId: string; number: string }) {
  const [busy, setBusy] = useState<Kind | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function download(kind: Kind): Promise<void> {
    setBusy(kind);
    setProblem(null);
    try {
      const path = kind === 'certificate' ? '/api/v1/endorsements/{id}/certificate' : '/api/v1/endorsements/{id}/credential';
      const file = await call(api.GET(path, { params: { path: { id: applicationId } }, parseAs: 'blob' }));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = FILES[kind].name(number);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section id="certificate" aria-labelledby="certificate-heading" className="section">
      <h2 id="certificate-heading">Certificate and credential</h2>
      <p>Your certificate and your digital credential (which employers’ systems can verify) always show your latest dates.</p>
      <div className="actions">
        {(Object.keys(FILES) as Kind[]).map((kind) => (
          <Button key={kind} variant="secondary" isDisabled={busy !== null} onPress={() => void download(kind)}>
            {busy === kind ? 'Preparing…' : FILES[kind].label}
          </Button>
        ))}
      </div>
      <FormError problem={problem} />
    </section>
  );
}
