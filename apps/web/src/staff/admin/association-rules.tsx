import { money } from '../../ui/money';
import { QueryState } from '../../ui/query-state';
import { useCategories } from './use-admin';

/** The association's categories, what each asks and costs, as configured: read-only. */
export function AssociationRules({ code }: { code: string }) {
  const categories = useCategories(code);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">The association’s rules</h2>
      <p>As configured for the association; changing them is a configuration change, not done here.</p>
      <QueryState query={categories}>
        {({ association, categories: list }) => (
          <>
            <p>{association.name}: the categories it offers, their fees and what each asks.</p>
            <ul className="cards">
              {list.map((c) => (
                <li key={c.code} className="card">
                  <h3>{c.name}</h3>
                  <p>
                    Application fee {money(c.applicationFee)} · renewal {money(c.renewalFee)} a year, {money(c.lateRenewalFee)} more when late ·{' '}
                    {c.examRequired ? 'with the exam' : 'no exam'}
                  </p>
                  <ul>
                    {(c.requirements ? [{ name: null, requirements: c.requirements }] : c.tracks).flatMap((t) =>
                      t.requirements.asks.map((ask) => (
                        <li key={`${t.name}-${ask}`}>
                          {t.name ? `${t.name}: ` : ''}
                          {ask}
                        </li>
                      )),
                    )}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </section>
  );
}
