import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { api } from '../api/api';
import { call } from '../api/call';
import { ApiProblem } from '../api/problem';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { EntryFields } from './entry-fields';
import { isBlank, toBody, toValues, type Application, type SectionSpec, type Value, type Values } from './sections';
import { applicationKey } from './use-application';

type Saving = { status: 'idle' | 'saving' | 'saved' | 'conflict' } | { status: 'problem'; problem: ApiProblem };

/** The entries the form shows of what is saved: the saved ones, or one to fill in (references: one per role the category asks for). */
function savedEntries(spec: SectionSpec, application: Application): Values[] {
  if (!spec.item) return [toValues(spec.fields, application.portfolio[spec.key] as Record<string, unknown> | null)];
  const saved = (application.portfolio[spec.key] ?? []) as Record<string, unknown>[];
  if (saved.length > 0) return saved.map((entry) => toValues(spec.fields, entry));
  if (spec.key === 'references') return application.choices.referenceRoles.map((role) => toValues(spec.fields, null, { role: role.code }));
  return spec.key === 'rsc' ? [] : [toValues(spec.fields, null)];
}

/**
 * One section of the portfolio as a form. It is saved when the person leaves it or presses Save;
 * what they typed stays in the form whatever the API answers, and the API's field errors show
 * beside their fields.
 */
export function SectionEditor({ spec, application, hidden }: { spec: SectionSpec; application: Application; hidden: boolean }) {
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<Values[]>(() => savedEntries(spec, application));
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });
  const edits = useRef({ made: 0, saved: 0, inFlight: false });
  const list = useRef<HTMLDivElement>(null);

  function change(index: number, name: string, value: Value): void {
    edits.current.made += 1;
    setEntries((all) => all.map((e, i) => (i === index ? { ...e, [name]: value } : e)));
  }

  function add(): void {
    edits.current.made += 1;
    setEntries((all) => [...all, toValues(spec.fields, null)]);
    // The new entry's first field takes the focus once it is there.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>('fieldset:last-of-type input, fieldset:last-of-type button')?.focus());
  }

  function remove(index: number): void {
    edits.current.made += 1;
    setEntries((all) => all.filter((_, i) => i !== index));
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`.entry-add`)?.focus());
  }

  /** The body to send, and which entry each sent item is (blank entries are left out). */
  function body(): { value: unknown; sent: number[] } {
    if (!spec.item) {
      const value = toBody(spec.fields, entries[0]);
      return { value: spec.key === 'membership' && Object.keys(value).length === 0 ? null : value, sent: [] };
    }
    const sent = entries.flatMap((e, i) => (isBlank(spec.fields, e) ? [] : [i]));
    return { value: sent.map((i) => toBody(spec.fields, entries[i])), sent };
  }

  async function save(): Promise<void> {
    const state = edits.current;
    if (state.inFlight) return;
    const revision = state.made;
    const { value, sent } = body();
    const current = queryClient.getQueryData<Application>(applicationKey(application.id));
    state.inFlight = true;
    setSaving({ status: 'saving' });
    try {
      // Each section has its own path and body type; the one call stands for the seven.
      const path = `/api/v1/applications/{id}/portfolio/${spec.key}` as '/api/v1/applications/{id}/portfolio/education';
      const answer = await call(
        api.PUT(path, {
          params: { path: { id: application.id }, header: { 'If-Match': `"${current?.version ?? application.version}"` } },
          body: { [spec.key]: value } as never,
        }),
      );
      state.saved = revision;
      queryClient.setQueryData<Application>(applicationKey(application.id), (old) =>
        old ? { ...old, version: answer.version, eligibilityGaps: answer.eligibilityGaps, portfolio: { ...old.portfolio, [spec.key]: value } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      setSaving({ status: 'saved' });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.code === 'version_conflict') {
        // Someone (another tab) changed the application: take the latest version, keep what was typed here.
        await queryClient.refetchQueries({ queryKey: applicationKey(application.id) });
        setSaving({ status: 'conflict' });
      } else {
        setSaving({ status: 'problem', problem: renumbered(error, spec.key, sent) });
      }
    } finally {
      state.inFlight = false;
    }
  }

  /** After a conflict: the section as it is saved now (the latest version is loaded by then), instead of what was typed here. */
  function showSaved(): void {
    edits.current.saved = edits.current.made;
    setEntries(savedEntries(spec, application));
    setSaving({ status: 'idle' });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void save();
  }

  function onBlur(event: FocusEvent<HTMLElement>): void {
    const next = event.relatedTarget as HTMLElement | null;
    // Choosing from a list opens it outside the form: that is not leaving the section.
    if (next && (event.currentTarget.contains(next) || next.closest('.popover'))) return;
    if (edits.current.made !== edits.current.saved) void save();
  }

  const problem = saving.status === 'problem' ? saving.problem : null;
  return (
    <section hidden={hidden} onBlur={onBlur} aria-labelledby={`section-${spec.key}`} className="portfolio-section">
      <h2 id={`section-${spec.key}`} tabIndex={-1}>
        {spec.title}
      </h2>
      <p>{spec.intro}</p>
      <Form onSubmit={onSubmit} validationErrors={problem?.fieldErrors} className="form">
        {spec.item ? (
          <div ref={list} className="entries">
            {entries.map((values, index) => (
              <fieldset key={index} className="entry">
                <legend>
                  {spec.item!.name} {index + 1}
                </legend>
                <EntryFields
                  fields={spec.fields}
                  values={values}
                  prefix={`${spec.key}.${index}.`}
                  choices={application.choices}
                  onChange={(name, value) => change(index, name, value)}
                />
                <Button variant="secondary" className="button-small" onPress={() => remove(index)}>
                  {`Remove ${spec.item!.name.toLowerCase()} ${index + 1}`}
                </Button>
              </fieldset>
            ))}
            <Button variant="secondary" className="entry-add" onPress={add}>
              {spec.item.add}
            </Button>
          </div>
        ) : (
          <EntryFields
            fields={spec.fields}
            values={entries[0]}
            prefix={`${spec.key}.`}
            choices={application.choices}
            onChange={(name, value) => change(0, name, value)}
          />
        )}
        <FormError problem={problem} />
        {saving.status === 'conflict' && (
          <Notice tone="warning">
            <p>
              This application was changed somewhere else (perhaps in another window), so this was not saved. We loaded the latest version and kept what you
              typed here: press Save to save it, or reload the section to see what is saved now.
            </p>
            <Button variant="secondary" onPress={showSaved}>
              Reload this section
            </Button>
          </Notice>
        )}
        <div className="actions">
          <Button type="submit" isPending={saving.status === 'saving'}>
            {`Save ${spec.title.toLowerCase()}`}
          </Button>
          <p role="status" className="save-status">
            {saving.status === 'saved' ? 'Saved' : saving.status === 'saving' ? 'Saving…' : ''}
          </p>
        </div>
      </Form>
    </section>
  );
}

/** The API's field paths point into the list it was sent; the form's names count every entry, blank ones too. */
function renumbered(problem: ApiProblem, section: string, sent: number[]): ApiProblem {
  if (!problem.problem.errors || sent.length === 0) return problem;
  const errors = problem.problem.errors.map((e) => {
    const match = new RegExp(`^${section}\\.(\\d+)\\.`).exec(e.field);
    return match ? { ...e, field: e.field.replace(`${section}.${match[1]}.`, `${section}.${sent[Number(match[1])]}.`) } : e;
  });
  return new ApiProblem({ ...problem.problem, errors });
}
