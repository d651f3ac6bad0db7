import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../app/page';
import { Notice } from '../ui/notice';
import { QueryState } from '../ui/query-state';
import { GapChecklist } from './gap-checklist';
import { SectionEditor } from './section-editor';
import { SECTIONS, sectionOfGap, type Application } from './sections';
import { SubmitSection } from './submit-section';
import { useApplication } from './use-application';

const EDITABLE = new Set(['draft', 'deferred']);

/** The portfolio editor: one form per section, the checklist of what is missing, and submit when nothing is. */
export function PortfolioEditorPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  return (
    <Page title="Your portfolio" wide>
      <QueryState query={application} loading="Loading your application…">
        {(app) =>
          EDITABLE.has(app.state) ? (
            <Editor application={app} />
          ) : (
            <Notice tone="info">
              <p>
                This application is submitted, so its portfolio cannot be changed here. <Link to={`/applications/${app.id}`}>See where it stands</Link>.
              </p>
            </Notice>
          )
        }
      </QueryState>
    </Page>
  );
}

function Editor({ application }: { application: Application }) {
  const [params] = useSearchParams();
  const current = SECTIONS.find((s) => s.key === params.get('section'))?.key ?? 'education';
  const first = useRef(true);
  // After choosing a section, its heading takes the focus (not on the page's first showing: the h1 has it).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(`section-${current}`)?.focus();
  }, [current]);
  const needsWork = new Set(application.eligibilityGaps.map(sectionOfGap));

  return (
    <>
      <p>{application.displayName}. Fill in each section; each is saved when you leave it or press Save, so you can stop and come back later.</p>
      <div className="editor">
        <nav aria-label="Portfolio sections" className="editor-nav">
          <ol>
            {SECTIONS.map((s) => {
              const done = !needsWork.has(s.key);
              return (
                <li key={s.key}>
                  <Link to={`?section=${s.key}`} aria-current={s.key === current ? 'step' : undefined}>
                    <span aria-hidden="true" className={done ? 'mark mark-done' : 'mark'}>
                      {done ? '✓' : '•'}
                    </span>{' '}
                    {s.title}
                    <span className="visually-hidden">{done ? ' (nothing missing)' : ' (something missing)'}</span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="editor-main">
          {SECTIONS.map((s) => (
            <SectionEditor key={s.key} spec={s} application={application} hidden={s.key !== current} />
          ))}
        </div>
      </div>
      <GapChecklist gaps={application.eligibilityGaps} />
      <SubmitSection application={application} />
    </>
  );
}
