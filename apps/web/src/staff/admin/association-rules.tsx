import type { components } from '#api-client';
import { QueryState } from '../../ui/query-state';
import { useCategories } from './use-admin';

type Money = components['schemas']['Money'];

const money = ({ amount, currency }: Money): string => new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);

/** The association's categories, what each asks and costs, as configured: read-only. */
export function AssociationRules({ code }: { code: string }) {
  const categories = useCategories(code);
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">The association’s rules</h2>
      <p>As configured for the association; changing them is a configuration change, not done here.</p>
      <QueryState query={categories}>
        {({ association, categories: list }) => (
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>{association.name}: categories and fees</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Application fee</th>
                  <th scope="col">Renewal fee (late)</th>
                  <th scope="col">Exam</th>
                  <th scope="col">What it asks</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.name}</th>
                    <td>{money(c.applicationFee)}</td>
                    <td>
                      {money(c.renewalFee)} (+{money(c.lateRenewalFee)})
                    </td>
                    <td>{c.examRequired ? 'Yes' : 'No'}</td>
                    <td>
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
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
