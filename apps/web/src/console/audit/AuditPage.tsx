/** The auditor's view: an issue's history, its state at an instant, and verify (to be built). */
export function AuditPage({ lookup }: { readonly lookup: string | null }) {
  return (
    <main id="main" tabIndex={-1}>
      <h1>Audit{lookup ? ` of ${lookup}` : ''}</h1>
    </main>
  );
}
