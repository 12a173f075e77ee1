import './intake.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { Field, fieldId } from '../../shared/components/Field';
import type { Area, Issue } from '../../shared/contract';
import type { FieldSpec, FieldValues } from '../../shared/formFields';
import { roleLabel } from '../../shared/labels';
import { useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { useFormSending } from '../../shared/useFormSending';
import { hrefOf } from '../route';
import { checkIntake, issueFields, LOCATION_FIELDS, RESIDENT_FIELDS } from './intakeFields';

/*
 * Staff intake: an issue that reached the council by phone, letter, email or at a meeting, typed
 * up by a member of staff, often later, so "Received at" is asked for and sent as `occurredAt`.
 * Checked before sending; sent once (an Idempotency-Key per submission, the button disabled
 * while in flight); answered with the new reference and a link to the issue.
 */

const ID_PREFIX = 'intake';

/** Roles the console does not offer intake to (the header hides it from them too). */
const NOT_LOGGING = new Set(['auditor', 'viewer']);

export function IntakePage() {
  const { me } = useConsole();
  return (
    <main id="main" tabIndex={-1} class="narrow intake">
      <h1>New issue</h1>
      {NOT_LOGGING.has(me.role) ? (
        <p class="notice">Logging issues is for staff who take them: your role ({roleLabel(me.role)}) does not log issues.</p>
      ) : (
        <>
          <p>
            For an issue received by phone, letter, email or at a meeting. Residents reporting online use the <a href="/report">public report form</a>.
          </p>
          <IntakeForm />
        </>
      )}
    </main>
  );
}

/** The areas the signed-in user serves, as GET /areas names them. */
function servedAreas(areas: readonly Area[], role: string, served: readonly string[]): readonly Area[] {
  return role === 'admin' || served.includes('*') ? areas : areas.filter((area) => served.includes(area.id));
}

function IntakeForm() {
  const { api, me, areas } = useConsole();
  const myAreas = useMemo(() => servedAreas(areas, me.role, me.areas), [areas, me]);
  const firstValues = (kept: FieldValues = {}): FieldValues => ({ areaId: myAreas.length === 1 ? myAreas[0].id : '', ...kept });

  const [categories, setCategories] = useState<readonly string[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [values, setValues] = useState<FieldValues>(() => firstValues());
  const [logged, setLogged] = useState<Issue | null>(null);
  const loggedHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api.get<string[]>('/categories').then(setCategories, (error: unknown) => setLoadProblem(`The categories could not be read. ${failureWords(error)}`));
  }, [api]);
  useEffect(() => {
    if (logged) loggedHeading.current?.focus();
  }, [logged]);

  const issueSpecs = useMemo(() => issueFields(categories ?? [], myAreas), [categories, myAreas]);
  const fields: readonly FieldSpec[] = useMemo(() => [...issueSpecs, ...RESIDENT_FIELDS, ...LOCATION_FIELDS], [issueSpecs]);
  const sender = useFormSending(fields, (error) => failureWords(error, true));
  const { problems, general } = sender;

  if (loadProblem) {
    return (
      <p class="notice notice-error" role="alert">
        {loadProblem}
      </p>
    );
  }
  if (!categories) return <p role="status">Loading the form…</p>;
  if (myAreas.length === 0) return <p class="notice notice-warning">You serve no area, so there is nowhere to log an issue: ask an administrator to add your areas.</p>;

  if (logged) {
    return (
      <div class="notice notice-success intake-logged">
        <h2 id="intake-logged" tabIndex={-1} ref={loggedHeading}>
          Logged as {logged.reference}
        </h2>
        <p>
          <a href={hrefOf({ page: 'issue', issueId: logged.id })}>Open the issue</a>
        </p>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => {
              // The next caller is likely on the same channel and in the same area.
              setValues(firstValues({ areaId: logged.areaId, channel: values.channel }));
              setLogged(null);
              requestAnimationFrame(() => document.getElementById(fieldId(ID_PREFIX, 'title'))?.focus());
            }}
          >
            Log another
          </button>
        </div>
      </div>
    );
  }

  const send = () =>
    sender.send(
      checkIntake(fields, values, new Date()),
      (body, idempotencyKey) => api.post<Issue>('/issues', body, { idempotencyKey }),
      setLogged,
    );

  const field = (spec: FieldSpec) => (
    <Field
      key={spec.name}
      spec={spec}
      idPrefix={ID_PREFIX}
      value={values[spec.name]}
      problem={problems[spec.name]}
      disabled={sender.sending}
      onChange={(value) => setValues((current) => ({ ...current, [spec.name]: value }))}
    />
  );

  return (
    <form
      class="intake-form"
      aria-label="New issue"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <ErrorSummary idPrefix={ID_PREFIX} fields={fields} problems={problems} general={general} />
      {issueSpecs.map(field)}
      <fieldset>
        <legend>The resident</legend>
        {RESIDENT_FIELDS.map(field)}
      </fieldset>
      <fieldset>
        <legend>Where it is (optional)</legend>
        {LOCATION_FIELDS.map(field)}
      </fieldset>
      <div class="button-row">
        <button type="submit" class="button" disabled={sender.sending}>
          Log issue
        </button>
        <p class="intake-sending" role="status">
          {sender.sending ? 'Logging…' : ''}
        </p>
      </div>
    </form>
  );
}
