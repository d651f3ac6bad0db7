import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { components } from '#api-client';
import { api } from '../api/api';
import { call } from '../api/call';
import { useSession } from '../api/session';
import { Page } from '../app/page';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { money } from '../ui/money';
import { QueryState } from '../ui/query-state';
import { RadioGroupField } from '../ui/radio-group-field';
import { useSubmit } from '../ui/use-submit';
import { useCategories } from './use-categories';

type Category = components['schemas']['OfferedCategory'];
type Requirements = components['schemas']['CategoryRequirements'];

/** Start an application: the person's association, a category (and track), what it asks and costs. */
export function ApplyPage() {
  const state = useSession();
  const associationCode = state.status === 'signed-in' ? state.account.associationCode : null;
  return (
    <Page title="Start an application">
      {associationCode ? (
        <ChooseCategory associationCode={associationCode} />
      ) : (
        <p>Your account does not belong to an association, so it cannot apply. Contact your association if you think it should.</p>
      )}
    </Page>
  );
}

function ChooseCategory({ associationCode }: { associationCode: string }) {
  const categories = useCategories(associationCode);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [categoryCode, setCategoryCode] = useState<string>();
  const [trackCode, setTrackCode] = useState<string>();
  const { formProps, pending, problem } = useSubmit(async () => {
    if (!categoryCode) return;
    const started = await call(api.POST('/api/v1/applications', { body: { associationCode, categoryCode, ...(trackCode ? { trackCode } : {}) } }));
    await queryClient.invalidateQueries({ queryKey: ['applications'] });
    void navigate(`/applications/${started.id}/edit`);
  });

  return (
    <QueryState query={categories} loading="Loading the categories…">
      {({ association, categories: list }) => {
        const category = list.find((c) => c.code === categoryCode);
        const track = category?.tracks.find((t) => t.code === trackCode);
        const requirements = track?.requirements ?? category?.requirements ?? null;
        return (
          <Form {...formProps} className="form">
            <p>
              You apply through <strong>{association.name}</strong>. Choose the category you are applying for; each says what it asks of you. You can save your
              portfolio as you go and submit it when it is complete.
            </p>
            <RadioGroupField
              label="Category"
              name="categoryCode"
              isRequired
              value={categoryCode ?? null}
              onChange={(code) => {
                setCategoryCode(code);
                setTrackCode(undefined);
              }}
              options={list.map((c) => ({ id: c.code, label: <CategoryLabel category={c} /> }))}
            />
            {category && category.tracks.length > 0 && (
              <RadioGroupField
                label="Track"
                name="trackCode"
                isRequired
                description={`${category.name} has tracks; each asks for different experience.`}
                value={trackCode ?? null}
                onChange={setTrackCode}
                options={category.tracks.map((t) => ({ id: t.code, label: t.name }))}
              />
            )}
            {category && requirements && (
              <WhatItAsks name={track ? `${category.name}, ${track.name}` : category.name} fee={money(category.applicationFee)} requirements={requirements} />
            )}
            <FormError problem={problem} />
            <div className="actions">
              <Button type="submit" isPending={pending} isDisabled={!requirements}>
                Start my application
              </Button>
              <Link to="/">Back to my applications</Link>
            </div>
          </Form>
        );
      }}
    </QueryState>
  );
}

function CategoryLabel({ category }: { category: Category }) {
  return (
    <>
      <strong>{category.name}</strong> <span className="muted">· fee {money(category.applicationFee)}</span>
    </>
  );
}

function WhatItAsks({ name, fee, requirements }: { name: string; fee: string; requirements: Requirements }) {
  return (
    <section className="asks" aria-labelledby="asks-heading" aria-live="polite">
      <h2 id="asks-heading">What {name} asks</h2>
      <ul>
        {requirements.asks.map((ask) => (
          <li key={ask}>{ask}</li>
        ))}
      </ul>
      <p>
        The application fee is <strong>{fee}</strong>, paid when you submit.
      </p>
    </section>
  );
}
